using PortalsProvider.Portals;

namespace PortalsProvider.Tests.Portals;

public sealed class PortalPropertiesTests
{
    [Fact]
    public void All_NamesAreUniqueCamelCase()
    {
        Assert.Equal(PortalProperties.All.Length, PortalProperties.All.Select(p => p.Name).Distinct().Count());
        Assert.All(PortalProperties.All, p => Assert.Matches("^[a-z][A-Za-z]*$", p.Name));
    }

    [Fact]
    public void All_OnlyTokenIsSecretAndOnlyUrlHasNoApiField()
    {
        Assert.Equal(["token"], PortalProperties.All.Where(p => p.Secret).Select(p => p.Name));
        Assert.Equal(["url"], PortalProperties.All.Where(p => p.ApiField is null).Select(p => p.Name));
    }

    [Fact]
    public void Inputs_AreTheContractInputs() =>
        Assert.Equal(
            ["name", "query", "slug", "description", "allowedIpAddresses", "userInvokable"],
            PortalProperties.Inputs.Select(p => p.Name));

    [Fact]
    public void Config_HasEnvFallbacksFromContract()
    {
        var env = PortalProperties.Config.ToDictionary(c => c.Name, c => c.EnvVar);
        Assert.Equal("BUILDKITE_API_TOKEN", env["apiToken"]);
        Assert.Equal("BUILDKITE_ORGANIZATION_SLUG", env["organization"]);
        Assert.Equal("BUILDKITE_REST_URL", env["apiUrl"]);
        Assert.Null(env["maxRetries"]);
    }
}
