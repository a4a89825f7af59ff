using Google.Protobuf;
using PortalsProvider.Terraform.Protocol;

namespace PortalsProvider.Terraform;

/// <summary>DynamicValue ⇄ <see cref="CtyValue"/>: msgpack both ways, with the JSON form accepted on input.</summary>
internal static class DynamicValues
{
    /// <summary>Decodes a request value; an absent DynamicValue is null.</summary>
    public static CtyValue Decode(DynamicValue? value, CtyType type)
    {
        if (value is null)
        {
            return CtyValue.Null;
        }

        if (!value.Msgpack.IsEmpty)
        {
            return MsgPackValueCodec.Decode(value.Msgpack.Memory, type);
        }

        return value.Json.IsEmpty ? CtyValue.Null : JsonValueCodec.Decode(value.Json.Span, type);
    }

    /// <summary>Responses are always msgpack.</summary>
    public static DynamicValue Encode(CtyValue value, CtyType type) =>
        new() { Msgpack = ByteString.CopyFrom(MsgPackValueCodec.Encode(value, type)) };
}
