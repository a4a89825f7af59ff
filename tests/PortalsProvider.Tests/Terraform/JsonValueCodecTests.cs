using System.Text;
using PortalsProvider.Terraform;

namespace PortalsProvider.Tests.Terraform;

public sealed class JsonValueCodecTests
{
    [Fact]
    public void Decode_StoredState_DropsRetiredAttributesAndNullsMissingOnes()
    {
        var json = """{"id":"u-1","name":"Deploys","retired":"x","allowed_ip_addresses":["10.0.0.0/8"],"created_by":{"id":"user"}}""";

        var value = JsonValueCodec.Decode(Encoding.UTF8.GetBytes(json), TerraformSchema.PortalResource.ImpliedType);

        Assert.Equal("u-1", value.GetAttribute("id").AsString);
        Assert.True(value.GetAttribute("slug").IsNull);
        Assert.False(value.Attributes.ContainsKey("retired"));
        Assert.Equal(CtyValue.Set([CtyValue.String("10.0.0.0/8")]), value.GetAttribute("allowed_ip_addresses"));
        Assert.Equal("user", value.GetAttribute("created_by").GetAttribute("id").AsString);
    }

    [Fact]
    public void Decode_WrongType_Fails() =>
        Assert.Throws<FormatException>(() =>
            JsonValueCodec.Decode(Encoding.UTF8.GetBytes("""{"name":3}"""), TerraformSchema.PortalResource.ImpliedType));
}
