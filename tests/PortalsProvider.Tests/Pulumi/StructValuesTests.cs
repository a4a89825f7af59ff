using Google.Protobuf.WellKnownTypes;
using PortalsProvider.Portals;
using PortalsProvider.Pulumi;
using static PortalsProvider.Tests.Portals.PV;

namespace PortalsProvider.Tests.Pulumi;

public sealed class StructValuesTests
{
    [Fact]
    public void RoundTrip_AllKinds()
    {
        var o = O(("a", Null), ("b", B(true)), ("c", N(1.5)), ("d", S("x")), ("e", L(S("y"), Unknown)), ("f", O(("g", S("h")))), ("s", Secret(L(S("z")))));
        Assert.Equal(o, StructValues.FromStruct(StructValues.ToStruct(o)));
    }

    [Theory]
    [InlineData("04da6b54-80e4-46f7-96ec-b56ff0331ba9")]
    [InlineData("1c4a061d-8072-4f0a-a4cb-0ff528b18fe7")]
    [InlineData("3eeb2bf0-c639-47a8-9e75-3b44932eb421")]
    [InlineData("6a19a0b0-7e62-4c92-b797-7f8e31da9cc2")]
    [InlineData("dd056dcd-154b-4c76-9bd3-c8f88648b5ff")]
    public void FromValue_EverySentinel_Unknown(string sentinel) => Assert.Equal(Unknown, StructValues.FromValue(Value.ForString(sentinel)));

    [Fact]
    public void ToValue_Secret_UsesSignature()
    {
        var v = StructValues.ToValue(Secret(S("t")));
        Assert.Equal("1b47061264138c4ac30d75fd1eb44270", v.StructValue.Fields["4dabf18193072939515e22adb298388d"].StringValue);
        Assert.Equal("t", v.StructValue.Fields["value"].StringValue);
    }

    [Fact]
    public void FromStruct_Null_EmptyObject() => Assert.Equal(PValue.Object.Empty, StructValues.FromStruct(null));

    [Fact]
    public void WrapSecrets_WrapsOnlyPresentUnwrappedKeys()
    {
        var o = StructValues.WrapSecrets(O(("a", S("x")), ("b", Secret(S("y")))), ["a", "b", "c"]);
        Assert.Equal(O(("a", Secret(S("x"))), ("b", Secret(S("y")))), o);
    }

    [Fact]
    public void Secret_ToString_NeverRevealsValue() => Assert.Equal("[secret]", Secret(S("bkpat_x")).ToString());
}
