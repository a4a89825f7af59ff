using System.Buffers;
using System.Globalization;
using System.Text;
using MessagePack;

namespace PortalsProvider.Terraform;

/// <summary>
/// The msgpack encoding of <c>DynamicValue</c> (Terraform's "object wire format"), driven by the schema's type.
/// </summary>
/// <remarks>
/// Built on MessagePack-CSharp's low-level <see cref="MessagePackReader"/>/<see cref="MessagePackWriter"/> only: no
/// attribute-based serializer, nothing reflective, so it is trim- and AOT-safe. Rules: nil is null; an extension
/// value of any type code is unknown (type 12 carries refinements we do not need), and unknown is written as
/// extension 0 with a one-byte zero payload (<c>d4 00 00</c>), as Terraform's own SDK does; a number arrives as an
/// integer, a float or a decimal string; <c>dynamic</c> is a two-element array of the JSON type and the value.
/// </remarks>
internal static class MsgPackValueCodec
{
    private static readonly ExtensionResult UnknownExtension = new(0, new byte[1]);

    public static CtyValue Decode(ReadOnlyMemory<byte> msgpack, CtyType type)
    {
        var reader = new MessagePackReader(msgpack);
        var value = Read(ref reader, type, "value");
        if (!reader.End)
        {
            throw new FormatException("Trailing bytes after the msgpack value.");
        }

        return value;
    }

    public static byte[] Encode(CtyValue value, CtyType type)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        Write(ref writer, value, type, "value");
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static CtyValue Read(ref MessagePackReader reader, CtyType type, string path)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Nil:
                reader.ReadNil();
                return CtyValue.Null;
            case MessagePackType.Extension:
                // Any extension is an unknown value; refinements (type 12) are dropped.
                reader.Skip();
                return CtyValue.Unknown;
            default:
                break;
        }

        switch (type.Kind)
        {
            case CtyTypeKind.String:
                return CtyValue.String(reader.NextMessagePackType == MessagePackType.String
                    ? reader.ReadString()!
                    : throw Mismatch(ref reader, type, path));
            case CtyTypeKind.Number:
                return CtyValue.Number(ReadNumber(ref reader, path));
            case CtyTypeKind.Bool:
                return reader.NextMessagePackType == MessagePackType.Boolean
                    ? CtyValue.Bool(reader.ReadBoolean())
                    : throw Mismatch(ref reader, type, path);
            case CtyTypeKind.List or CtyTypeKind.Set:
            {
                var count = ReadArrayHeader(ref reader, type, path);
                var elements = new CtyValue[count];
                for (var i = 0; i < count; i++)
                {
                    elements[i] = Read(ref reader, type.Element!, $"{path}[{i}]");
                }

                return type.Kind == CtyTypeKind.Set ? CtyValue.Set(elements) : CtyValue.List(elements);
            }

            case CtyTypeKind.Tuple:
            {
                var count = ReadArrayHeader(ref reader, type, path);
                if (count != type.Elements.Length)
                {
                    throw new FormatException($"{path}: expected a tuple of {type.Elements.Length} elements, found {count}.");
                }

                var elements = new CtyValue[count];
                for (var i = 0; i < count; i++)
                {
                    elements[i] = Read(ref reader, type.Elements[i], $"{path}[{i}]");
                }

                return CtyValue.List(elements);
            }

            case CtyTypeKind.Map:
            {
                var count = ReadMapHeader(ref reader, type, path);
                var entries = new List<KeyValuePair<string, CtyValue>>(count);
                for (var i = 0; i < count; i++)
                {
                    var key = reader.ReadString()!;
                    entries.Add(KeyValuePair.Create(key, Read(ref reader, type.Element!, $"{path}[\"{key}\"]")));
                }

                return CtyValue.Map(entries);
            }

            case CtyTypeKind.Object:
            {
                var count = ReadMapHeader(ref reader, type, path);
                var attributes = type.Attributes.ToDictionary(a => a.Key, _ => CtyValue.Null, StringComparer.Ordinal);
                for (var i = 0; i < count; i++)
                {
                    var name = reader.ReadString()!;
                    if (!type.Attributes.TryGetValue(name, out var attributeType))
                    {
                        throw new FormatException($"{path}: unexpected attribute \"{name}\".");
                    }

                    attributes[name] = Read(ref reader, attributeType, $"{path}.{name}");
                }

                return CtyValue.Map(attributes);
            }

            case CtyTypeKind.Dynamic:
            {
                if (ReadArrayHeader(ref reader, type, path) != 2)
                {
                    throw new FormatException($"{path}: a dynamic value must be a [type, value] pair.");
                }

                var typeJson = reader.ReadBytes() ?? throw new FormatException($"{path}: missing the dynamic value's type.");
                var actualType = CtyType.FromJson(Encoding.UTF8.GetString(typeJson.ToArray()));
                return Read(ref reader, actualType, path);
            }

            default:
                throw new FormatException($"{path}: unsupported type {type}.");
        }
    }

    private static decimal ReadNumber(ref MessagePackReader reader, string path)
    {
        try
        {
            return reader.NextMessagePackType switch
            {
                MessagePackType.Integer when reader.NextCode == MessagePackCode.UInt64 => reader.ReadUInt64(),
                MessagePackType.Integer => reader.ReadInt64(),
                MessagePackType.Float => (decimal)reader.ReadDouble(),
                MessagePackType.String => decimal.Parse(reader.ReadString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
                _ => throw Mismatch(ref reader, CtyType.Number, path),
            };
        }
        catch (OverflowException ex)
        {
            throw new FormatException($"{path}: the number is outside the supported range.", ex);
        }
    }

    private static int ReadArrayHeader(ref MessagePackReader reader, CtyType type, string path) =>
        reader.NextMessagePackType == MessagePackType.Array ? reader.ReadArrayHeader() : throw Mismatch(ref reader, type, path);

    private static int ReadMapHeader(ref MessagePackReader reader, CtyType type, string path) =>
        reader.NextMessagePackType == MessagePackType.Map ? reader.ReadMapHeader() : throw Mismatch(ref reader, type, path);

    private static FormatException Mismatch(ref MessagePackReader reader, CtyType type, string path) =>
        new($"{path}: expected {type} but found msgpack {reader.NextMessagePackType}.");

    private static void Write(ref MessagePackWriter writer, CtyValue value, CtyType type, string path)
    {
        if (value.IsNull)
        {
            writer.WriteNil();
            return;
        }

        if (value.IsUnknown)
        {
            writer.WriteExtensionFormat(UnknownExtension);
            return;
        }

        switch (type.Kind)
        {
            case CtyTypeKind.String:
                writer.Write(value.AsString);
                break;
            case CtyTypeKind.Number:
                WriteNumber(ref writer, value.AsNumber);
                break;
            case CtyTypeKind.Bool:
                writer.Write(value.AsBool);
                break;
            case CtyTypeKind.List or CtyTypeKind.Set:
                writer.WriteArrayHeader(value.Elements.Length);
                for (var i = 0; i < value.Elements.Length; i++)
                {
                    Write(ref writer, value.Elements[i], type.Element!, $"{path}[{i}]");
                }

                break;
            case CtyTypeKind.Tuple:
                if (value.Elements.Length != type.Elements.Length)
                {
                    throw new ArgumentException($"{path}: expected a tuple of {type.Elements.Length} elements.", nameof(value));
                }

                writer.WriteArrayHeader(value.Elements.Length);
                for (var i = 0; i < value.Elements.Length; i++)
                {
                    Write(ref writer, value.Elements[i], type.Elements[i], $"{path}[{i}]");
                }

                break;
            case CtyTypeKind.Map:
                writer.WriteMapHeader(value.Attributes.Count);
                foreach (var (key, element) in value.Attributes)
                {
                    writer.Write(key);
                    Write(ref writer, element, type.Element!, $"{path}[\"{key}\"]");
                }

                break;
            case CtyTypeKind.Object:
                // Every attribute of the type is written, absent ones as nil: Terraform expects the full shape.
                foreach (var name in value.Attributes.Keys)
                {
                    if (!type.Attributes.ContainsKey(name))
                    {
                        throw new ArgumentException($"{path}: attribute \"{name}\" is not in the schema.", nameof(value));
                    }
                }

                writer.WriteMapHeader(type.Attributes.Count);
                foreach (var (name, attributeType) in type.Attributes)
                {
                    writer.Write(name);
                    Write(ref writer, value.GetAttribute(name), attributeType, $"{path}.{name}");
                }

                break;
            case CtyTypeKind.Dynamic:
            {
                var actualType = InferType(value);
                writer.WriteArrayHeader(2);
                writer.Write(Encoding.UTF8.GetBytes(actualType.ToJson()));
                Write(ref writer, value, actualType, path);
                break;
            }

            default:
                throw new ArgumentException($"{path}: unsupported type {type}.", nameof(type));
        }
    }

    private static void WriteNumber(ref MessagePackWriter writer, decimal number)
    {
        if (number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue)
        {
            writer.Write((long)number);
        }
        else
        {
            // cty accepts a decimal string for any number; it keeps full precision, unlike a float64.
            writer.Write(number.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The type a known value implies when the schema says <c>dynamic</c>.</summary>
    private static CtyType InferType(CtyValue value) => value.Kind switch
    {
        CtyValueKind.String => CtyType.String,
        CtyValueKind.Number => CtyType.Number,
        CtyValueKind.Bool => CtyType.Bool,
        CtyValueKind.List => CtyType.Tuple([.. value.Elements.Select(InferType)]),
        CtyValueKind.Set => CtyType.Set(value.Elements.Length == 0 ? CtyType.Dynamic : InferType(value.Elements[0])),
        CtyValueKind.Map => CtyType.Object(value.Attributes.Select(a => KeyValuePair.Create(a.Key, InferType(a.Value)))),
        _ => CtyType.Dynamic,
    };
}
