using Grpc.Core;
using PortalsProvider.Portals;
using PortalsProvider.Protos.Rpc;
using PortalsProvider.Pulumi;
using Pulumirpc;
using static PortalsProvider.Tests.Portals.PV;

namespace PortalsProvider.Tests.Pulumi;

public sealed class ConfigureTests
{
    private static ConfigureRequest Request(params (string Key, PValue Value)[] args) =>
        new() { Args = ProviderHarness.ToStruct(O(args)), AcceptSecrets = true };

    [Fact]
    public async Task Configure_MissingTokenAndOrganization_NamesKeysAndEnvVars()
    {
        await using var h = await ProviderHarness.StartAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await h.Client.ConfigureAsync(Request()));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("buildkite-portals:apiToken", ex.Status.Detail);
        Assert.Contains("BUILDKITE_API_TOKEN", ex.Status.Detail);
        Assert.Contains("buildkite-portals:organization", ex.Status.Detail);
        Assert.Contains("BUILDKITE_ORGANIZATION_SLUG", ex.Status.Detail);
        var status = RpcStatus.Parser.ParseFrom(ex.Trailers.GetValueBytes(RpcErrors.DetailsTrailer));
        var missing = status.Details.Single().Unpack<ConfigureErrorMissingKeys>();
        Assert.Equal(["buildkite-portals:apiToken", "buildkite-portals:organization"], missing.MissingKeys.Select(k => k.Name));
    }

    [Fact]
    public async Task Configure_EnvironmentFallback_Configures()
    {
        await using var h = await ProviderHarness.StartAsync(new Dictionary<string, string>
        {
            ["BUILDKITE_API_TOKEN"] = "bkua_env",
            ["BUILDKITE_ORGANIZATION_SLUG"] = "env-org",
            ["BUILDKITE_REST_URL"] = "http://127.0.0.1:9999",
        });
        var response = await h.Client.ConfigureAsync(Request(("version", S("0.1.0"))));
        Assert.True(response.AcceptSecrets);
        Assert.True(response.SupportsPreview);
        var options = Assert.Single(h.Configured);
        Assert.Equal("bkua_env", options.ApiToken);
        Assert.Equal("env-org", options.Organization);
        Assert.Equal(new Uri("http://127.0.0.1:9999"), options.ApiUrl);
        Assert.Equal(10, options.MaxRetries);
    }

    [Fact]
    public async Task Configure_ExplicitConfigBeatsEnvironment()
    {
        await using var h = await ProviderHarness.StartAsync(new Dictionary<string, string>
        {
            ["BUILDKITE_API_TOKEN"] = "bkua_env",
            ["BUILDKITE_ORGANIZATION_SLUG"] = "env-org",
        });
        await h.Client.ConfigureAsync(Request(("apiToken", Secret(S("bkua_cfg"))), ("organization", S("cfg-org")), ("maxRetries", S("3"))));
        var options = Assert.Single(h.Configured);
        Assert.Equal("bkua_cfg", options.ApiToken);
        Assert.Equal("cfg-org", options.Organization);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(new Uri("https://api.buildkite.com"), options.ApiUrl);
    }

    [Fact]
    public async Task Configure_NumericMaxRetries_Accepted()
    {
        await using var h = await ProviderHarness.StartAsync();
        await h.Client.ConfigureAsync(Request(("apiToken", S("t")), ("organization", S("o")), ("maxRetries", N(0))));
        Assert.Equal(0, Assert.Single(h.Configured).MaxRetries);
    }

    [Theory]
    [InlineData("http://api.example.com", "buildkite-portals:apiUrl")]
    [InlineData("ftp://api.example.com", "buildkite-portals:apiUrl")]
    [InlineData("not a url", "buildkite-portals:apiUrl")]
    public async Task Configure_BadApiUrl_InvalidArgumentNamingKey(string url, string named)
    {
        await using var h = await ProviderHarness.StartAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await h.Client.ConfigureAsync(Request(("apiToken", S("t")), ("organization", S("o")), ("apiUrl", S(url)))));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains(named, ex.Status.Detail);
        Assert.Empty(h.Configured);
    }

    [Fact]
    public async Task Configure_BadApiUrlFromEnvironment_NamesEnvVar()
    {
        await using var h = await ProviderHarness.StartAsync(new Dictionary<string, string> { ["BUILDKITE_REST_URL"] = "http://10.0.0.1" });
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await h.Client.ConfigureAsync(Request(("apiToken", S("t")), ("organization", S("o")))));
        Assert.Contains("BUILDKITE_REST_URL", ex.Status.Detail);
    }

    [Fact]
    public async Task Configure_BadMaxRetries_InvalidArgument()
    {
        await using var h = await ProviderHarness.StartAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await h.Client.ConfigureAsync(Request(("apiToken", S("t")), ("organization", S("o")), ("maxRetries", S("-1")))));
        Assert.Contains("buildkite-portals:maxRetries", ex.Status.Detail);
    }

    [Fact]
    public async Task Configure_TokenNeverInErrorMessage()
    {
        await using var h = await ProviderHarness.StartAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await h.Client.ConfigureAsync(Request(("apiToken", Secret(S("bkua_supersecret"))), ("organization", S("o")), ("apiUrl", S("http://example.com")))));
        Assert.DoesNotContain("bkua_supersecret", ex.Status.Detail);
    }

    [Fact]
    public async Task CheckConfig_PassesVersionThroughAndWrapsToken()
    {
        await using var h = await ProviderHarness.StartAsync();
        var news = O(("apiToken", S("t")), ("organization", S("o")), ("version", S("1.2.3")));
        var response = await h.Client.CheckConfigAsync(new CheckRequest { Urn = "urn:pulumi:dev::p::pulumi:providers:buildkite-portals::default", News = ProviderHarness.ToStruct(news), Olds = new() });
        Assert.Empty(response.Failures);
        var inputs = ProviderHarness.FromStruct(response.Inputs);
        Assert.Equal(S("1.2.3"), inputs["version"]);
        Assert.Equal(Secret(S("t")), inputs["apiToken"]);
        Assert.Equal(S("o"), inputs["organization"]);
    }

    [Fact]
    public async Task CheckConfig_InvalidValues_AllFailuresWithKeys()
    {
        await using var h = await ProviderHarness.StartAsync();
        var news = O(("apiUrl", S("http://example.com")), ("maxRetries", S("many")), ("apiTokn", S("x")));
        var response = await h.Client.CheckConfigAsync(new CheckRequest { News = ProviderHarness.ToStruct(news), Olds = new() });
        Assert.Equal(
            ["apiTokn", "apiUrl", "maxRetries", "apiToken", "organization"],
            response.Failures.Select(f => f.Property));
    }

    [Fact]
    public async Task CheckConfig_UnknownValues_Pass()
    {
        await using var h = await ProviderHarness.StartAsync();
        var response = await h.Client.CheckConfigAsync(new CheckRequest { News = ProviderHarness.ToStruct(O(("apiToken", Unknown), ("organization", S("o")))), Olds = new() });
        Assert.Empty(response.Failures);
    }

    [Fact]
    public async Task DiffConfig_SameValuesSecretOrNot_DiffNone()
    {
        await using var h = await ProviderHarness.StartAsync();
        var response = await h.Client.DiffConfigAsync(new DiffRequest
        {
            OldInputs = ProviderHarness.ToStruct(O(("apiToken", Secret(S("t"))), ("organization", S("o")), ("version", S("1")))),
            News = ProviderHarness.ToStruct(O(("apiToken", S("t")), ("organization", S("o")), ("version", S("1")))),
        });
        Assert.Equal(DiffResponse.Types.DiffChanges.DiffNone, response.Changes);
    }

    [Fact]
    public async Task DiffConfig_ChangedOrganization_UpdateNeverReplace()
    {
        await using var h = await ProviderHarness.StartAsync();
        var response = await h.Client.DiffConfigAsync(new DiffRequest
        {
            OldInputs = ProviderHarness.ToStruct(O(("organization", S("o")))),
            News = ProviderHarness.ToStruct(O(("organization", S("p")), ("apiUrl", S("https://x")))),
        });
        Assert.Equal(DiffResponse.Types.DiffChanges.DiffSome, response.Changes);
        Assert.Equal(["organization", "apiUrl"], response.Diffs);
        Assert.Empty(response.Replaces);
        Assert.Equal(PropertyDiff.Types.Kind.Update, response.DetailedDiff["organization"].Kind);
        Assert.Equal(PropertyDiff.Types.Kind.Add, response.DetailedDiff["apiUrl"].Kind);
    }

    [Fact]
    public async Task ResourceCall_BeforeConfigure_FailedPrecondition()
    {
        await using var h = await ProviderHarness.StartAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await h.Client.CreateAsync(new CreateRequest { Urn = ProviderHarness.Urn, Properties = ProviderHarness.ToStruct(Valid()) }));
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
    }
}
