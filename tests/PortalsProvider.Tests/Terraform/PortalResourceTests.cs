using PortalsProvider.Buildkite;
using PortalsProvider.Terraform;
using PortalsProvider.Tests.Fakes;

namespace PortalsProvider.Tests.Terraform;

public sealed class PortalResourceTests : IDisposable
{
    private const string Query = "query { viewer { user { name } } }";
    private readonly FakePortalsApi _api = new();
    private readonly TerraformProviderState _state;
    private readonly PortalResource _resource;

    public PortalResourceTests()
    {
        _state = new TerraformProviderState(_ => _api);
        _state.Configure(new BuildkiteClientOptions { ApiToken = "t", Organization = "acme" });
        _resource = new PortalResource(_state);
    }

    public void Dispose() => _state.Dispose();

    private static CtyValue Config(string? slug = null, string? description = null, CtyValue? name = null) => CtyValue.Object(
        ("name", name ?? CtyValue.String("Deploys")),
        ("query", CtyValue.String(Query)),
        ("slug", CtyValue.StringOrNull(slug)),
        ("description", CtyValue.StringOrNull(description)));

    [Fact]
    public void Plan_Create_ServerAssignedUnknownAndDefaultsKnown()
    {
        var planned = _resource.Plan(CtyValue.Null, Config(), Config()).Value;

        foreach (var computed in new[] { "id", "slug", "url", "token", "created_at", "created_by", "organization_uuid" })
        {
            Assert.True(planned.GetAttribute(computed).IsUnknown, computed);
        }

        Assert.Equal(CtyValue.False, planned.GetAttribute("user_invokable"));
        Assert.Equal("Deploys", planned.GetAttribute("name").AsString);
        Assert.True(planned.GetAttribute("description").IsNull);
    }

    [Fact]
    public void Plan_CreateWithSlug_KnowsSlugAndUrl()
    {
        var planned = _resource.Plan(CtyValue.Null, Config("deploys"), Config("deploys")).Value;

        Assert.Equal("deploys", planned.GetAttribute("slug").AsString);
        Assert.Equal("https://portal.buildkite.com/organizations/acme/portals/deploys", planned.GetAttribute("url").AsString);
    }

    [Fact]
    public async Task Plan_SlugChange_UpdatesInPlaceWithUrlFollowingAndTokenKept()
    {
        var prior = (await _resource.ApplyAsync(CtyValue.Null, Config("old"), Config("old"), CancellationToken.None)).Value;

        var planned = _resource.Plan(prior, Config("new"), Config("new")).Value;

        Assert.Equal("new", planned.GetAttribute("slug").AsString);
        Assert.EndsWith("/portals/new", planned.GetAttribute("url").AsString);
        Assert.Equal(prior.GetAttribute("id"), planned.GetAttribute("id"));
        Assert.Equal(prior.GetAttribute("token"), planned.GetAttribute("token"));
        Assert.False(planned.GetAttribute("token").IsNull);
    }

    [Fact]
    public async Task Plan_SlugRemovedFromConfig_KeepsTheCurrentSlug_NoChange()
    {
        var prior = (await _resource.ApplyAsync(CtyValue.Null, Config(), Config(), CancellationToken.None)).Value;

        var planned = _resource.Plan(prior, Config(), Config()).Value;

        Assert.Equal(prior, planned);
    }

    [Fact]
    public async Task Plan_UnknownName_StaysUnknown()
    {
        var prior = (await _resource.ApplyAsync(CtyValue.Null, Config("a"), Config("a"), CancellationToken.None)).Value;

        var planned = _resource.Plan(prior, Config("a", name: CtyValue.Unknown), Config("a", name: CtyValue.Unknown)).Value;

        Assert.True(planned.GetAttribute("name").IsUnknown);
        Assert.Equal("a", planned.GetAttribute("slug").AsString);
    }

    [Fact]
    public async Task Apply_Rename_OnePutToTheOldSlug()
    {
        var prior = (await _resource.ApplyAsync(CtyValue.Null, Config("old"), Config("old"), CancellationToken.None)).Value;
        _api.Journal.Clear();

        var result = await _resource.ApplyAsync(prior, Config("new"), Config("new"), CancellationToken.None);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["PUT old"], _api.Journal.Where(j => !j.StartsWith("GET", StringComparison.Ordinal)));
        Assert.Equal("new", result.Value.GetAttribute("slug").AsString);
        Assert.Equal(prior.GetAttribute("token"), result.Value.GetAttribute("token"));
    }

    [Fact]
    public async Task Read_Gone_IsNull()
    {
        var prior = (await _resource.ApplyAsync(CtyValue.Null, Config("gone"), Config("gone"), CancellationToken.None)).Value;
        _api.Remove("gone");

        Assert.True((await _resource.ReadAsync(prior, CancellationToken.None)).Value.IsNull);
    }

    [Fact]
    public async Task Import_Unknown_IsAnErrorNamingTheId()
    {
        var result = await _resource.ImportAsync("no-such-portal", CancellationToken.None);

        Assert.True(result.Value.IsNull);
        Assert.Contains("\"no-such-portal\"", Assert.Single(result.Diagnostics).Detail);
    }

    [Fact]
    public async Task Stop_CancelsInFlightCalls_LaterCallsRun()
    {
        _api.Seed("Deploys", "deploys");
        _api.Gate = new TaskCompletionSource();
        using var call = _state.LinkCall(CancellationToken.None);
        var pending = _resource.ImportAsync("deploys", call.Token);

        _state.Stop();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        _api.Gate = null;
        using var next = _state.LinkCall(CancellationToken.None);
        Assert.False((await _resource.ImportAsync("deploys", next.Token)).Value.IsNull);
    }

    [Fact]
    public void Validate_Failures_AreDiagnosticsOnTerraformAttributes()
    {
        var config = Config("Bad Slug").WithAttribute("allowed_ip_addresses", CtyValue.Set([CtyValue.String("10.0.0.1/8")]));

        var diagnostics = PortalResource.Validate(config);

        Assert.Equal(["allowed_ip_addresses", "slug"], diagnostics.Select(d => d.Attribute.Steps[0].AttributeName).Order());
        Assert.All(diagnostics, d => Assert.DoesNotContain("allowedIpAddresses", d.Detail));
    }

    [Fact]
    public void Validate_UnknownValues_Pass() =>
        Assert.Empty(PortalResource.Validate(Config(name: CtyValue.Unknown).WithAttribute("slug", CtyValue.Unknown)));
}
