using PortalsProvider.Terraform;

namespace PortalsProvider.Tests.Terraform;

public sealed class CtyTypeTests
{
    [Fact]
    public void ToJson_Primitive_IsQuotedName() => Assert.Equal("\"string\"", CtyType.String.ToJson());

    [Fact]
    public void ToJson_SetOfString_IsCompactArray() => Assert.Equal("[\"set\",\"string\"]", CtyType.Set(CtyType.String).ToJson());

    [Fact]
    public void ToJson_Object_ListsAttributesInOrdinalOrder() =>
        Assert.Equal(
            "[\"object\",{\"a\":\"bool\",\"b\":[\"list\",\"number\"]}]",
            CtyType.Object([KeyValuePair.Create("b", CtyType.List(CtyType.Number)), KeyValuePair.Create("a", CtyType.Bool)]).ToJson());

    [Theory]
    [InlineData("\"dynamic\"")]
    [InlineData("[\"map\",[\"set\",\"string\"]]")]
    [InlineData("[\"tuple\",[\"string\",\"number\"]]")]
    [InlineData("[\"object\",{\"x\":\"string\"}]")]
    public void FromJson_RoundTrips(string json) => Assert.Equal(json, CtyType.FromJson(json).ToJson());

    [Fact]
    public void FromJson_Unknown_Fails() => Assert.Throws<FormatException>(() => CtyType.FromJson("\"float\""));
}
