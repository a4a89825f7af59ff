using PortalsProvider.Portals;
using static PortalsProvider.Tests.Portals.PV;

namespace PortalsProvider.Tests.Portals;

public sealed class PortalsConfigTests
{
    private static string? NoEnv(string _) => null;

    [Fact]
    public void Resolve_Defaults()
    {
        var r = PortalsConfig.Resolve(O(("apiToken", S(" t ")), ("organization", S("o"))), NoEnv);
        Assert.Equal("t", r.Options!.ApiToken);
        Assert.Equal(new Uri("https://api.buildkite.com"), r.Options.ApiUrl);
        Assert.Equal(10, r.Options.MaxRetries);
    }

    [Fact]
    public void Resolve_BlankExplicitValue_FallsBackToEnv()
    {
        var r = PortalsConfig.Resolve(O(("apiToken", S("")), ("organization", S("o"))), k => k == "BUILDKITE_API_TOKEN" ? "env" : null);
        Assert.Equal("env", r.Options!.ApiToken);
    }

    [Theory]
    [InlineData("http://localhost:8080")]
    [InlineData("http://127.0.0.1:1")]
    [InlineData("http://[::1]:1")]
    [InlineData("https://buildkite.example.com/api")]
    public void Resolve_AllowedApiUrls(string url) =>
        Assert.NotNull(PortalsConfig.Resolve(O(("apiToken", S("t")), ("organization", S("o")), ("apiUrl", S(url))), NoEnv).Options);

    [Fact]
    public void Resolve_Unknown_NoOptionsNoFailures()
    {
        var r = PortalsConfig.Resolve(O(("apiToken", Unknown), ("organization", S("o"))), NoEnv);
        Assert.True(r.HasUnknowns);
        Assert.Null(r.Options);
        Assert.Empty(r.Failures);
    }

    [Fact]
    public void Resolve_WrongTypeAndBadOrganization_Failures()
    {
        var r = PortalsConfig.Resolve(O(("apiToken", L()), ("organization", S("a/b"))), NoEnv);
        Assert.Equal(["apiToken", "organization"], r.Failures.Select(f => f.Property));
    }

    [Fact]
    public void MissingMessage_NamesKeyAndEnvVar()
    {
        var message = PortalsConfig.MissingMessage(PortalProperties.Config[0]);
        Assert.Contains("buildkite-portals:apiToken", message);
        Assert.Contains("--secret", message);
        Assert.Contains("BUILDKITE_API_TOKEN", message);
    }
}
