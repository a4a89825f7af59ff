using System.Text;
using PortalsProvider.Terraform;

namespace PortalsProvider.Tests.Terraform;

public sealed class MsgPackValueCodecTests
{
    private static readonly CtyType Portal = TerraformSchema.PortalResource.ImpliedType;

    [Fact]
    public void Encode_Unknown_IsFixExt1TypeZero() =>
        Assert.Equal(new byte[] { 0xd4, 0x00, 0x00 }, MsgPackValueCodec.Encode(CtyValue.Unknown, CtyType.String));

    [Fact]
    public void Encode_Null_IsNil() =>
        Assert.Equal(new byte[] { 0xc0 }, MsgPackValueCodec.Encode(CtyValue.Null, CtyType.String));

    [Theory]
    [InlineData(new byte[] { 0xd4, 0x00, 0x00 })] // unknown, as Terraform writes it
    [InlineData(new byte[] { 0xc7, 0x03, 0x0c, 0x81, 0x01, 0xc2 })] // refined unknown (ext 12: {1: false} = not null)
    [InlineData(new byte[] { 0xd5, 0x05, 0x01, 0x02 })] // any other extension code
    public void Decode_AnyExtension_IsUnknown(byte[] msgpack) =>
        Assert.True(MsgPackValueCodec.Decode(msgpack, CtyType.String).IsUnknown);

    [Fact]
    public void RoundTrip_PortalWithSetNullsAndUnknowns_IsEqual()
    {
        var value = CtyValue.Object(
            ("id", CtyValue.Unknown),
            ("name", CtyValue.String("Deploys")),
            ("query", CtyValue.String("query { viewer { user { name } } }")),
            ("slug", CtyValue.Null),
            ("allowed_ip_addresses", CtyValue.Set([CtyValue.String("10.0.0.0/8"), CtyValue.Unknown])),
            ("user_invokable", CtyValue.False),
            ("created_by", CtyValue.Object(("id", CtyValue.String("u-1")), ("email", CtyValue.Null))),
            ("token", CtyValue.Unknown));

        var decoded = MsgPackValueCodec.Decode(MsgPackValueCodec.Encode(value, Portal), Portal);

        Assert.Equal("Deploys", decoded.GetAttribute("name").AsString);
        Assert.True(decoded.GetAttribute("id").IsUnknown);
        Assert.True(decoded.GetAttribute("token").IsUnknown);
        Assert.True(decoded.GetAttribute("slug").IsNull);
        Assert.True(decoded.GetAttribute("description").IsNull); // absent attributes are written as nil
        Assert.Equal(CtyValueKind.Set, decoded.GetAttribute("allowed_ip_addresses").Kind);
        Assert.Equal(value.GetAttribute("allowed_ip_addresses"), decoded.GetAttribute("allowed_ip_addresses"));
        Assert.Equal("u-1", decoded.GetAttribute("created_by").GetAttribute("id").AsString);
        Assert.False(decoded.GetAttribute("user_invokable").AsBool);
    }

    [Fact]
    public void Encode_Object_WritesEveryAttributeOfTheType()
    {
        var bytes = MsgPackValueCodec.Encode(CtyValue.Object(("name", CtyValue.String("x"))), Portal);

        // fixmap (0x80 | n) with one entry per schema attribute.
        Assert.Equal(0x80 | Portal.Attributes.Count, bytes[0]);
    }

    [Fact]
    public void Set_EqualityIgnoresOrder()
    {
        var a = CtyValue.Set([CtyValue.String("10.0.0.0/8"), CtyValue.String("192.0.2.0/24")]);
        var b = CtyValue.Set([CtyValue.String("192.0.2.0/24"), CtyValue.String("10.0.0.0/8")]);

        Assert.Equal(a, b);
        Assert.NotEqual(CtyValue.List(a.Elements), CtyValue.List(b.Elements));
    }

    [Theory]
    [InlineData(new byte[] { 0x07 }, "7")] // positive fixint
    [InlineData(new byte[] { 0xcb, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0 }, "1.5")] // float64
    [InlineData(new byte[] { 0xa4, (byte)'2', (byte)'.', (byte)'2', (byte)'5' }, "2.25")] // decimal string
    [InlineData(new byte[] { 0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, "18446744073709551615")] // uint64
    public void Decode_Number_AcceptsEveryWireForm(byte[] msgpack, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), MsgPackValueCodec.Decode(msgpack, CtyType.Number).AsNumber);

    [Fact]
    public void RoundTrip_FractionalNumber_KeepsPrecision()
    {
        var value = CtyValue.Number(0.1m);

        Assert.Equal(value, MsgPackValueCodec.Decode(MsgPackValueCodec.Encode(value, CtyType.Number), CtyType.Number));
    }

    [Fact]
    public void Decode_UnexpectedAttribute_FailsNamingIt()
    {
        var type = CtyType.Object([KeyValuePair.Create("a", CtyType.String)]);
        var bytes = MsgPackValueCodec.Encode(CtyValue.Object(("b", CtyValue.String("x"))), CtyType.Object([KeyValuePair.Create("b", CtyType.String)]));

        var ex = Assert.Throws<FormatException>(() => MsgPackValueCodec.Decode(bytes, type));
        Assert.Contains("\"b\"", ex.Message);
    }

    [Fact]
    public void Decode_WrongWireType_FailsWithPath()
    {
        var bytes = MsgPackValueCodec.Encode(CtyValue.Object(("name", CtyValue.Bool(true))), CtyType.Object([KeyValuePair.Create("name", CtyType.Bool)]));

        var ex = Assert.Throws<FormatException>(() => MsgPackValueCodec.Decode(bytes, CtyType.Object([KeyValuePair.Create("name", CtyType.String)])));
        Assert.Contains("value.name", ex.Message);
    }

    [Fact]
    public void Decode_Dynamic_UsesTheEmbeddedType()
    {
        var typeJson = Encoding.UTF8.GetBytes("[\"list\",\"string\"]");
        var bytes = new List<byte> { 0x92, 0xc4, (byte)typeJson.Length };
        bytes.AddRange(typeJson);
        bytes.AddRange([0x91, 0xa1, (byte)'x']);

        var value = MsgPackValueCodec.Decode(bytes.ToArray(), CtyType.Dynamic);

        Assert.Equal(CtyValue.List([CtyValue.String("x")]), value);
    }

    [Fact]
    public void RoundTrip_MapListAndTuple()
    {
        var type = CtyType.Object(
        [
            KeyValuePair.Create("m", CtyType.Map(CtyType.Number)),
            KeyValuePair.Create("l", CtyType.List(CtyType.Bool)),
            KeyValuePair.Create("t", CtyType.Tuple(CtyType.String, CtyType.Number)),
        ]);
        var value = CtyValue.Object(
            ("m", CtyValue.Map([KeyValuePair.Create("k", CtyValue.Number(-3))])),
            ("l", CtyValue.List([CtyValue.True, CtyValue.Unknown])),
            ("t", CtyValue.List([CtyValue.String("a"), CtyValue.Number(1)])));

        Assert.Equal(value, MsgPackValueCodec.Decode(MsgPackValueCodec.Encode(value, type), type));
    }
}
