using System.Text.Json;
using PortalsApi.Emulator;
using PortalsProvider.Buildkite;
using PortalsProvider.ImportPlan;

namespace PortalsProvider.Tests.ImportPlan;

/// <summary>The command end to end: the real Buildkite client against the Portals API emulator.</summary>
public sealed class ImportPlanCommandTests : IAsyncLifetime, IDisposable
{
    private const string Token = "bkua_import_plan_token";
    private const string Org = "acme";

    private readonly StringWriter stdout = new();
    private readonly StringWriter stderr = new();
    private PortalsEmulator emu = null!;

    public async Task InitializeAsync() =>
        emu = await PortalsEmulator.StartAsync(new EmulatorOptions { Token = Token, Organization = Org });

    public async Task DisposeAsync()
    {
        await emu.DisposeAsync();
        await stdout.DisposeAsync();
        await stderr.DisposeAsync();
    }

    public void Dispose()
    {
        stdout.Dispose();
        stderr.Dispose();
    }

    private Task<int> RunAsync(IReadOnlyDictionary<string, string> env, params string[] args) =>
        new ImportPlanCommand(k => env.TryGetValue(k, out var v) ? v : null, stdout, stderr, o => BuildkiteClient.Create(o with { MaxRetries = 0 }))
            .RunAsync(args, CancellationToken.None);

    private Dictionary<string, string> Env(string token = Token) => new()
    {
        ["BUILDKITE_API_TOKEN"] = token,
        ["BUILDKITE_REST_URL"] = emu.BaseUrl.ToString(),
    };

    private static List<(string Type, string Name, string Id)> Resources(string json)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(["resources"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        return [.. doc.RootElement.GetProperty("resources").EnumerateArray().Select(r =>
        {
            Assert.Equal(["type", "name", "id"], r.EnumerateObject().Select(p => p.Name));
            return (r.GetProperty("type").GetString()!, r.GetProperty("name").GetString()!, r.GetProperty("id").GetString()!);
        })];
    }

    [Fact]
    public async Task Run_250Portals_OneEntryPerPortalFromEveryPage()
    {
        var seeded = emu.Seed(Org, 250);

        var rc = await RunAsync(Env(), "--organization", Org);

        Assert.Equal(0, rc);
        var resources = Resources(stdout.ToString());
        Assert.Equal(250, resources.Count);
        Assert.All(resources, r => Assert.Equal("buildkite-portals:index:Portal", r.Type));
        Assert.Equal(seeded.Select(p => p.Uuid).Order(StringComparer.Ordinal), resources.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(250, resources.Select(r => r.Name).Distinct().Count());
        var bySlug = seeded.ToDictionary(p => p.Uuid, p => p.Slug);
        Assert.All(resources, r => Assert.Equal(bySlug[r.Id], r.Name));
        Assert.Equal(3, emu.Journal.Entries.Count(e => e.Method == "GET"));
        Assert.Contains("250 portals of organization \"acme\"", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, stderr.ToString() + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OrganizationFromEnvironment_OutputFileAndNameFilter()
    {
        emu.Seed(Org, new PortalSeed { Name = "Deploy prod", Slug = "deploy-prod" }, new PortalSeed { Name = "Builds", Slug = "builds" }, new PortalSeed { Name = "deploy staging", Slug = "2-deploy" });
        var env = Env();
        env["BUILDKITE_ORGANIZATION_SLUG"] = Org;
        var path = Path.Combine(Path.GetTempPath(), $"import-plan-{Guid.NewGuid():N}.json");
        try
        {
            var rc = await RunAsync(env, "--output", path, "--name-contains", "DEPLOY");

            Assert.Equal(0, rc);
            Assert.Equal(string.Empty, stdout.ToString());
            Assert.Equal(["portal-2-deploy", "deploy-prod"], Resources(await File.ReadAllTextAsync(path)).Select(r => r.Name));
            Assert.Contains($"pulumi import --file {path}", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Run_NoPortals_EmptyDocumentAndAWarning()
    {
        Assert.Equal(0, await RunAsync(Env(), "--organization", Org));
        Assert.Empty(Resources(stdout.ToString()));
        Assert.Contains("nothing to import", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadToken_Exit1WithTheApiMessageAndNoDocument()
    {
        var rc = await RunAsync(Env("bkua_wrong"), "--organization", Org);
        Assert.Equal(1, rc);
        Assert.Equal(string.Empty, stdout.ToString());
        Assert.Contains("401", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("organization \"acme\"", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("bkua_wrong", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingTokenAndOrganization_Exit2NamingBoth()
    {
        var rc = await RunAsync(new Dictionary<string, string>());
        Assert.Equal(2, rc);
        Assert.Contains("BUILDKITE_API_TOKEN", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("--organization ORG or set BUILDKITE_ORGANIZATION_SLUG", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout.ToString());
        Assert.Empty(emu.Journal.Entries);
    }

    [Fact]
    public async Task Run_PlainHttpToARemoteHost_Exit2NamingTheFlag()
    {
        var rc = await RunAsync(Env(), "--organization", Org, "--api-url", "http://api.example.com");
        Assert.Equal(2, rc);
        Assert.StartsWith("import-plan: --api-url \"http://api.example.com\" uses plain http://", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Help_UsageOnStderrOnly()
    {
        Assert.Equal(0, await RunAsync(Env(), "--help"));
        Assert.Equal(string.Empty, stdout.ToString());
        Assert.Contains("import-plan [--organization ORG]", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadArgument_Exit2()
    {
        Assert.Equal(2, await RunAsync(Env(), "--bogus"));
        Assert.Contains("unknown argument \"--bogus\"", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ServerErrorOnTheSecondPage_Exit1AndNoPartialDocument()
    {
        emu.Seed(Org, 150);
        emu.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Method = "GET", EveryNth = 2, Count = 1 });

        var rc = await RunAsync(Env(), "--organization", Org);

        Assert.Equal(1, rc);
        Assert.Equal(string.Empty, stdout.ToString());
        Assert.Contains("500", stderr.ToString(), StringComparison.Ordinal);
    }
}
