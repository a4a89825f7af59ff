using System.Net.Http.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PortalsApi.Emulator;
using PortalsProvider.Portals;
using PortalsProvider.Protos.Rpc;
using PortalsProvider.Pulumi;
using Pulumirpc;
using static PortalsProvider.Tests.Portals.PV;

namespace PortalsProvider.Tests.Pulumi;

/// <summary>The real host and the real Buildkite client against the Portals API emulator, over gRPC.</summary>
public sealed class EmulatorLifecycleTests : IAsyncLifetime
{
    private const string Urn = ProviderHarness.Urn;
    private const string Token = "bkua_emulator_token";
    private const string Org = "acme";

    private PortalsEmulator emu = null!;
    private ProviderHarness h = null!;

    public async Task InitializeAsync()
    {
        emu = await PortalsEmulator.StartAsync(new EmulatorOptions { Token = Token, Organization = Org });
        h = await ProviderHarness.StartAsync(productionClient: true);
        await ConfigureAsync(Token);
    }

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        await emu.DisposeAsync();
    }

    private Task ConfigureAsync(string token, int maxRetries = 0) =>
        h.Client.ConfigureAsync(new ConfigureRequest
        {
            AcceptSecrets = true,
            Args = St(O(("apiToken", Secret(S(token))), ("organization", S(Org)), ("apiUrl", S(emu.BaseUrl.ToString())), ("maxRetries", N(maxRetries)))),
        }).ResponseAsync;

    private static Struct St(PValue.Object o) => ProviderHarness.ToStruct(o);

    private static PValue.Object Pv(Struct s) => ProviderHarness.FromStruct(s);

    private IReadOnlyList<string> Calls() => [.. emu.Journal.Entries.Select(e => $"{e.Method} {e.Path}")];

    private const string Portals = "/v2/organizations/acme/portals";

    [Fact]
    public async Task FullLifecycle_CheckCreateReadDiffRenameDelete()
    {
        var news = Valid(("slug", S("deploys")), ("description", S("d")), ("allowedIpAddresses", L(S("192.0.2.0/24"), S("198.51.100.0/24"))));
        var check = await h.Client.CheckAsync(new CheckRequest { Urn = Urn, Olds = new Struct(), News = St(news) });
        Assert.Empty(check.Failures);

        var preview = await h.Client.CreateAsync(new CreateRequest { Urn = Urn, Preview = true, Properties = check.Inputs });
        Assert.Equal(Unknown, Pv(preview.Properties)["uuid"]);
        Assert.Empty(emu.Journal.Entries);

        var created = await h.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = check.Inputs });
        var stored = Assert.Single(emu.Portals(Org));
        Assert.Equal(stored.Uuid, created.Id);
        Assert.Equal("192.0.2.0/24 198.51.100.0/24", stored.AllowedIpAddresses);
        Assert.Equal(Secret(S(stored.Token)), Pv(created.Properties)["token"]);
        Assert.Equal(S(stored.CreatedAtText), Pv(created.Properties)["createdAt"]);
        var post = Assert.Single(emu.Journal.Entries);
        Assert.Equal(Token, post.BearerToken);
        Assert.StartsWith("pulumi-resource-buildkite-portals/", post.Header("User-Agent"));

        var read = await h.Client.ReadAsync(new ReadRequest { Id = created.Id, Urn = Urn, Properties = created.Properties, Inputs = check.Inputs });
        Assert.Equal(Pv(created.Properties), Pv(read.Properties));
        var diff = await h.Client.DiffAsync(new DiffRequest { Id = created.Id, Urn = Urn, Olds = read.Properties, OldInputs = read.Inputs, News = check.Inputs });
        Assert.Equal(DiffResponse.Types.DiffChanges.DiffNone, diff.Changes);

        var renamed = news.With("slug", S("releases")).Without("description").Without("allowedIpAddresses");
        diff = await h.Client.DiffAsync(new DiffRequest { Id = created.Id, Urn = Urn, Olds = read.Properties, OldInputs = read.Inputs, News = St(renamed) });
        Assert.Equal(["slug", "description", "allowedIpAddresses"], diff.Diffs);
        Assert.Empty(diff.Replaces);

        emu.Journal.Clear();
        var updated = await h.Client.UpdateAsync(new UpdateRequest { Id = created.Id, Urn = Urn, Olds = read.Properties, OldInputs = read.Inputs, News = St(renamed) });
        Assert.Equal([$"PUT {Portals}/deploys"], Calls());
        stored = Assert.Single(emu.Portals(Org));
        Assert.Equal("releases", stored.Slug);
        Assert.Null(stored.Description);
        Assert.Null(stored.AllowedIpAddresses);
        Assert.Equal(created.Id, stored.Uuid);
        var outputs = Pv(updated.Properties);
        Assert.Equal(Pv(created.Properties)["token"], outputs["token"]);
        Assert.Equal(S("https://portal.buildkite.com/organizations/acme/portals/releases"), outputs["url"]);

        emu.Journal.Clear();
        await h.Client.DeleteAsync(new DeleteRequest { Id = created.Id, Urn = Urn, Properties = updated.Properties, OldInputs = St(renamed) });
        Assert.Equal([$"DELETE {Portals}/releases"], Calls());
        Assert.Empty(emu.Portals(Org));

        var gone = await h.Client.ReadAsync(new ReadRequest { Id = created.Id, Urn = Urn, Properties = updated.Properties, Inputs = St(renamed) });
        Assert.Equal(string.Empty, gone.Id);
    }

    [Fact]
    public async Task Read_RenamedOutOfBand_DriftViaList()
    {
        var created = await h.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = St(Valid(("slug", S("deploys")))) });
        using (var http = emu.CreateClient())
        {
            var put = await http.PutAsJsonAsync($"{Portals}/deploys", new { name = "Deploys", query = "query { viewer { user { name } } }", slug = "moved" });
            put.EnsureSuccessStatusCode();
        }

        emu.Journal.Clear();
        var read = await h.Client.ReadAsync(new ReadRequest { Id = created.Id, Urn = Urn, Properties = created.Properties, Inputs = St(Valid(("slug", S("deploys")))) });
        Assert.Equal(created.Id, read.Id);
        Assert.Equal(S("moved"), Pv(read.Properties)["slug"]);
        Assert.Equal(Pv(created.Properties)["token"], Pv(read.Properties)["token"]);
        Assert.Equal([$"GET {Portals}/deploys", $"GET {Portals}"], Calls());
    }

    [Fact]
    public async Task Delete_AlreadyDeleted_Ok()
    {
        var created = await h.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = St(Valid()) });
        using (var http = emu.CreateClient())
        {
            (await http.DeleteAsync($"{Portals}/deploys")).EnsureSuccessStatusCode();
        }

        await h.Client.DeleteAsync(new DeleteRequest { Id = created.Id, Urn = Urn, Properties = created.Properties });
        Assert.Empty(emu.Portals(Org));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_BySlugOrUuid_CheckCleanDiffNoneAndWarning(bool byUuid)
    {
        var seeded = emu.Seed(Org, new PortalSeed { Name = "Builds", Slug = "builds", AllowedIpAddresses = "192.0.2.0/24", Description = "b" }).Single();
        emu.Seed(Org, 120);
        var read = await h.Client.ReadAsync(new ReadRequest { Id = byUuid ? seeded.Uuid : "builds", Urn = Urn });
        Assert.Equal(seeded.Uuid, read.Id);
        Assert.Null(Pv(read.Properties)["token"]);
        var check = await h.Client.CheckAsync(new CheckRequest { Urn = Urn, Olds = read.Inputs, News = read.Inputs });
        Assert.Empty(check.Failures);
        var diff = await h.Client.DiffAsync(new DiffRequest { Id = read.Id, Urn = Urn, Olds = read.Properties, OldInputs = read.Inputs, News = check.Inputs });
        Assert.Equal(DiffResponse.Types.DiffChanges.DiffNone, diff.Changes);
        Assert.Contains(h.Engine.Messages, m => m.Urn == Urn && m.Severity == LogSeverity.Warning && m.Message.Contains("token cannot be read back"));
    }

    [Fact]
    public async Task Create_ConnectionDroppedAfterCreate_PartialFailureOnePost()
    {
        emu.Faults.Add(new FaultRule { Kind = FaultKind.AbortAfterActing, Method = "POST", Count = 1 });
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await h.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = St(Valid(("slug", S("deploys")))) }));
        var detail = RpcStatus.Parser.ParseFrom(ex.Trailers.GetValueBytes(RpcErrors.DetailsTrailer)).Details.Single().Unpack<ErrorResourceInitFailed>();
        var stored = Assert.Single(emu.Portals(Org));
        Assert.Equal(stored.Uuid, detail.Id);
        Assert.Single(emu.Journal.Entries, e => e.Method == "POST");
        Assert.DoesNotContain(stored.Token, ex.Status.Detail);
    }

    [Fact]
    public async Task Create_DuplicateSlug_InvalidArgumentWithApiMessage()
    {
        emu.Seed(Org, new PortalSeed { Name = "Other", Slug = "deploys" });
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await h.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = St(Valid(("slug", S("deploys")))) }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("creating portal \"deploys\": 422 ", ex.Status.Detail);
    }

    [Fact]
    public async Task Create_WrongToken_UnauthenticatedWithoutToken()
    {
        await ConfigureAsync("bkua_wrong_secret_value");
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await h.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = St(Valid()) }));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.DoesNotContain("bkua_wrong_secret_value", ex.Status.Detail);
        Assert.StartsWith("creating portal \"Deploys\": 401", ex.Status.Detail);
    }

    [Fact]
    public async Task Read_RateLimitedOnce_RetriesAndShowsEphemeralNoticeOnResource()
    {
        await ConfigureAsync(Token, maxRetries: 2);
        var seeded = emu.Seed(Org, new PortalSeed { Name = "Builds", Slug = "builds" }).Single();
        emu.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit, Method = "GET", Count = 1, ResetSeconds = 0 });
        var read = await h.Client.ReadAsync(new ReadRequest { Id = "builds", Urn = Urn });
        Assert.Equal(seeded.Uuid, read.Id);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!h.Engine.Messages.Any(m => m.Ephemeral) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        var notice = Assert.Single(h.Engine.Messages, m => m.Ephemeral);
        Assert.Equal(Urn, notice.Urn);
        Assert.Equal(LogSeverity.Info, notice.Severity);
        Assert.Contains("retrying", notice.Message);
    }

    [Fact]
    public async Task Cancel_HungCreate_CancelledAndCancelOk()
    {
        var hang = emu.Faults.Add(new FaultRule { Kind = FaultKind.Hang, Method = "POST" });
        var call = h.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = St(Valid()) });
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await hang.WaitForHitsAsync(1, wait.Token);
        await h.Client.CancelAsync(new Empty());
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        hang.Release();
    }
}
