using PortalsProvider.Terraform;

namespace PortalsProvider.Tests.Terraform;

public sealed class TerraformProviderConfigTests
{
    private static CtyValue Block(string? token = null, string? organization = null, string? apiUrl = null, decimal? maxRetries = null) => CtyValue.Object(
        ("api_token", CtyValue.StringOrNull(token)),
        ("organization", CtyValue.StringOrNull(organization)),
        ("api_url", CtyValue.StringOrNull(apiUrl)),
        ("max_retries", maxRetries is { } m ? CtyValue.Number(m) : CtyValue.Null));

    [Fact]
    public void Resolve_ExplicitBeatsEnvironment_UserAgentIsTerraforms()
    {
        var env = new Dictionary<string, string> { ["BUILDKITE_API_TOKEN"] = "env-token", ["BUILDKITE_ORGANIZATION_SLUG"] = "env-org" };

        var (options, diagnostics) = TerraformProviderConfig.Resolve(Block(organization: "acme", maxRetries: 3), k => env.GetValueOrDefault(k));

        Assert.Empty(diagnostics);
        Assert.Equal(("env-token", "acme", 3), (options!.ApiToken, options.Organization, options.MaxRetries));
        Assert.StartsWith("terraform-provider-portals/", options.UserAgent);
    }

    [Fact]
    public void Resolve_Missing_NamesAttributeAndEnvVar()
    {
        var (options, diagnostics) = TerraformProviderConfig.Resolve(Block(), _ => null);

        Assert.Null(options);
        Assert.Equal(["Missing provider setting \"api_token\"", "Missing provider setting \"organization\""], diagnostics.Select(d => d.Summary));
        Assert.Contains("BUILDKITE_API_TOKEN", diagnostics[0].Detail);
        Assert.Contains("BUILDKITE_ORGANIZATION_SLUG", diagnostics[1].Detail);
    }

    [Fact]
    public void Resolve_PlainHttpRemote_IsRefusedInTerraformTerms()
    {
        var (options, diagnostics) = TerraformProviderConfig.Resolve(Block("t", "acme", "http://api.example.com"), _ => null);

        Assert.Null(options);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("api_url", diagnostic.Attribute.Steps[0].AttributeName);
        Assert.DoesNotContain("buildkite-portals:", diagnostic.Detail);
    }

    [Fact]
    public void Validate_MissingIsNotAnErrorYet() => Assert.Empty(TerraformProviderConfig.Validate(Block()));
}
