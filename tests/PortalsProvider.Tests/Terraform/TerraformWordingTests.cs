using PortalsProvider.Terraform;

namespace PortalsProvider.Tests.Terraform;

public sealed class TerraformWordingTests
{
    [Theory]
    [InlineData("replace it: pulumi up --replace <urn>", "replace it: terraform apply -replace=<resource address>")]
    [InlineData("run `pulumi refresh` to remove it from state, then `pulumi up`", "run `terraform apply -refresh-only` to remove it from state, then `terraform apply`")]
    [InlineData("import it (`pulumi import buildkite-portals:index:Portal <name> deploys`)", "import it (`terraform import portals_portal.<name> deploys`)")]
    [InlineData("allowedIpAddresses[1] must be a string", "allowed_ip_addresses[1] must be a string")]
    [InlineData("buildkite-portals:apiUrl must be https", "api_url must be https")]
    [InlineData("name must not be blank", "name must not be blank")]
    public void Rewrite_SpeaksTerraform(string core, string expected) => Assert.Equal(expected, TerraformWording.Rewrite(core));
}
