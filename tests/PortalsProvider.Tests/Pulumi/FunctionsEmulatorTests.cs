using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PortalsApi.Emulator;
using PortalsProvider.Buildkite;
using PortalsProvider.Portals;
using Pulumirpc;
using static PortalsProvider.Tests.Portals.PV;

namespace PortalsProvider.Tests.Pulumi;

/// <summary>Invoke (getPortal, getPortals) and List over gRPC: the in-process host and the real Buildkite client
/// against the Portals API emulator (whose pages hold at most 100 portals).</summary>
public sealed class FunctionsEmulatorTests : IAsyncLifetime
{
    private const string Token = "bkua_functions_token";
    private const string Org = "acme";
    private const string GetPortal = "buildkite-portals:index:getPortal";
    private const string GetPortals = "buildkite-portals:index:getPortals";
    private const string Resource = "buildkite-portals:index:Portal";

    private PortalsEmulator emu = null!;
    private ProviderHarness h = null!;

    public async Task InitializeAsync()
    {
        emu = await PortalsEmulator.StartAsync(new EmulatorOptions { Token = Token, Organization = Org });
        h = await ProviderHarness.StartAsync(apiFactory: o => BuildkiteClient.Create(o));
        await h.Client.ConfigureAsync(new ConfigureRequest
        {
            AcceptSecrets = true,
            Args = St(O(("apiToken", Secret(S(Token))), ("organization", S(Org)), ("apiUrl", S(emu.BaseUrl.ToString())), ("maxRetries", S("0")))),
        });
    }

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        await emu.DisposeAsync();
    }

    private static Struct St(PValue.Object o) => ProviderHarness.ToStruct(o);

    private static PValue.Object Pv(Struct s) => ProviderHarness.FromStruct(s);

    private Task<InvokeResponse> InvokeAsync(string tok, PValue.Object args, bool preview = false) =>
        h.Client.InvokeAsync(new InvokeRequest { Tok = tok, Args = St(args), Preview = preview }).ResponseAsync;

    private int ListCalls() => emu.Journal.Entries.Count(e => e.Method == "GET" && e.Path == $"/v2/organizations/{Org}/portals");

    private async Task<List<ListResponse>> ListAsync(ListRequest request)
    {
        using var call = h.Client.List(request);
        var responses = new List<ListResponse>();
        await foreach (var r in call.ResponseStream.ReadAllAsync())
        {
            responses.Add(r);
        }

        return responses;
    }

    private static void AssertPortal(EmulatedPortal expected, PValue.Object actual)
    {
        Assert.Equal(S(expected.Uuid), actual["uuid"]);
        Assert.Equal(S(expected.Slug), actual["slug"]);
        Assert.Equal(S(expected.Name), actual["name"]);
        Assert.Equal(S(expected.Query), actual["query"]);
        Assert.Equal(S(expected.CreatedAtText), actual["createdAt"]);
        Assert.Equal(S(expected.OrganizationUuid), actual["organizationUuid"]);
        Assert.Equal(S($"https://portal.buildkite.com/organizations/{Org}/portals/{expected.Slug}"), actual["url"]);
        Assert.Null(actual["token"]);
        Assert.DoesNotContain(expected.Token, actual.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPortal_BySlug_EveryOutputExceptTokenInOneGet()
    {
        var p = emu.Seed(Org, new PortalSeed { Name = "Deploys", Slug = "deploys", Description = "d", AllowedIpAddresses = "192.0.2.0/24 10.0.0.0/8", UserInvokable = true })[0];

        var r = await InvokeAsync(GetPortal, O(("slug", S("deploys"))));

        Assert.Empty(r.Failures);
        var result = Pv(r.Return);
        AssertPortal(p, result);
        Assert.Equal(S("d"), result["description"]);
        Assert.Equal(L(S("192.0.2.0/24"), S("10.0.0.0/8")), result["allowedIpAddresses"]);
        Assert.Equal(B(true), result["userInvokable"]);
        Assert.IsType<PValue.Object>(result["createdBy"]);
        Assert.Equal(PortalLookup.Outputs.Select(o => o.Name).Order(StringComparer.Ordinal), result.Fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["GET /v2/organizations/acme/portals/deploys"], emu.Journal.Entries.Select(e => $"{e.Method} {e.Path}"));
    }

    [Fact]
    public async Task GetPortal_ByUuidOnTheLastOf3Pages_FollowsEveryPage()
    {
        var seeded = emu.Seed(Org, 250);
        var last = seeded[^1];

        var r = await InvokeAsync(GetPortal, O(("uuid", S(last.Uuid.ToUpperInvariant()))));

        Assert.Empty(r.Failures);
        AssertPortal(last, Pv(r.Return));
        Assert.Equal(3, ListCalls());
        Assert.All(emu.Journal.Entries, e => Assert.Contains("per_page=100", e.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetPortal_Missing_NotFoundNamingTheSlugAndOrganization()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => InvokeAsync(GetPortal, O(("slug", S("no-such-portal")))));
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Contains("no portal with slug \"no-such-portal\" exists in organization \"acme\"", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPortal_MissingUuid_NotFoundAfterReadingEveryPage()
    {
        emu.Seed(Org, 150);
        const string uuid = "0190f5a2-7c1e-7a43-9a8e-3c4d5e6f7a8b";
        var ex = await Assert.ThrowsAsync<RpcException>(() => InvokeAsync(GetPortal, O(("uuid", S(uuid)))));
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Contains($"uuid \"{uuid}\"", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(2, ListCalls());
    }

    [Fact]
    public async Task GetPortal_BadArguments_AreFailuresAndNoApiCall()
    {
        var neither = await InvokeAsync(GetPortal, O());
        var both = await InvokeAsync(GetPortal, O(("slug", S("a")), ("uuid", S("0190f5a2-7c1e-7a43-9a8e-3c4d5e6f7a8b"))));
        var wrongType = await InvokeAsync(GetPortal, O(("slug", N(1))));

        Assert.Equal("slug", Assert.Single(neither.Failures).Property);
        Assert.Equal("uuid", Assert.Single(both.Failures).Property);
        Assert.Equal("slug", Assert.Single(wrongType.Failures).Property);
        Assert.Null(neither.Return);
        Assert.Empty(emu.Journal.Entries);
    }

    [Fact]
    public async Task GetPortal_SecretArgument_IsUnwrappedAndResultIsNotSecret()
    {
        var p = emu.Seed(Org, new PortalSeed { Name = "Deploys", Slug = "deploys" })[0];
        var r = await InvokeAsync(GetPortal, O(("slug", Secret(S("deploys")))));
        Assert.Empty(r.Failures);
        AssertPortal(p, Pv(r.Return));
        Assert.DoesNotContain(Pv(r.Return).Fields.Values, v => v is PValue.Secret);
    }

    [Fact]
    public async Task GetPortal_Preview_ReadsLikeAnUpdate()
    {
        var p = emu.Seed(Org, new PortalSeed { Name = "Deploys", Slug = "deploys" })[0];
        var r = await InvokeAsync(GetPortal, O(("slug", S("deploys"))), preview: true);
        AssertPortal(p, Pv(r.Return));
        Assert.All(emu.Journal.Entries, e => Assert.Equal("GET", e.Method));
    }

    [Fact]
    public async Task GetPortals_250Portals_EveryPageNoTokens()
    {
        var seeded = emu.Seed(Org, 250);

        var r = await InvokeAsync(GetPortals, O());

        Assert.Empty(r.Failures);
        var portals = Assert.IsType<PValue.List>(Pv(r.Return)["portals"]).Items.Cast<PValue.Object>().ToList();
        Assert.Equal(seeded.Select(p => p.Uuid), portals.Select(p => ((PValue.Str)p["uuid"]!).Value));
        Assert.All(portals, p => Assert.Null(p["token"]));
        Assert.Equal(3, ListCalls());
        Assert.Equal(["portals"], Pv(r.Return).Fields.Keys);
    }

    [Fact]
    public async Task GetPortals_NameContains_IsCaseInsensitiveAcrossPages()
    {
        emu.Seed(Org, 120);
        emu.Seed(Org, new PortalSeed { Name = "Deploy Production", Slug = "deploy-production" }, new PortalSeed { Name = "nightly deploys", Slug = "nightly" });

        var r = await InvokeAsync(GetPortals, O(("nameContains", S("DEPLOY"))));

        var slugs = Assert.IsType<PValue.List>(Pv(r.Return)["portals"]).Items.Select(p => ((PValue.Object)p)["slug"]);
        Assert.Equal([S("deploy-production"), S("nightly")], slugs);
    }

    [Fact]
    public async Task GetPortals_NoMatch_EmptyListNotAnError()
    {
        emu.Seed(Org, 3);
        var r = await InvokeAsync(GetPortals, O(("nameContains", S("zzz"))));
        Assert.Equal(L(), Pv(r.Return)["portals"]);
    }

    [Fact]
    public async Task GetPortals_BadArgument_IsAFailure()
    {
        var r = await InvokeAsync(GetPortals, O(("nameContains", L(S("a")))));
        Assert.Equal("nameContains", Assert.Single(r.Failures).Property);
        Assert.Empty(emu.Journal.Entries);
    }

    [Fact]
    public async Task Invoke_UnknownFunction_InvalidArgumentListingTheFunctions()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => InvokeAsync("buildkite-portals:index:getPipeline", O()));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains(GetPortal, ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ApiFailure_NamesTheLookupAndNeverTheToken()
    {
        emu.Faults.Add(new FaultRule { Kind = FaultKind.Status, Status = 403 });
        var ex = await Assert.ThrowsAsync<RpcException>(() => InvokeAsync(GetPortal, O(("slug", S("deploys")))));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("looking up portal \"deploys\"", ex.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_250PortalsPageSize100_ThreeCallsWithContinuations()
    {
        var seeded = emu.Seed(Org, 250);
        var ids = new List<string>();
        var names = new Dictionary<string, string>();
        string token = string.Empty;
        var calls = 0;
        do
        {
            var responses = await ListAsync(new ListRequest { Token = Resource, PageSize = 100, ContinuationToken = token });
            calls++;
            var results = responses.Where(r => r.ResponseCase == ListResponse.ResponseOneofCase.Result).Select(r => r.Result).ToList();
            Assert.True(results.Count <= 100);
            ids.AddRange(results.Select(r => r.Id));
            foreach (var r in results)
            {
                names[r.Id] = r.Name;
            }

            var continuation = responses.Where(r => r.ResponseCase == ListResponse.ResponseOneofCase.Continuation).ToList();
            Assert.True(continuation.Count <= 1);
            if (continuation.Count == 1)
            {
                Assert.Same(continuation[0], responses[^1]);
            }

            token = continuation.Count == 1 ? continuation[0].Continuation.ContinuationToken : string.Empty;
        }
        while (token.Length > 0 && calls < 10);

        Assert.Equal(3, calls);
        Assert.Equal(250, ids.Count);
        Assert.Equal(seeded.Select(p => p.Uuid).Order(StringComparer.Ordinal), ids);
        Assert.All(seeded, p => Assert.Equal(p.Slug, names[p.Uuid]));
    }

    [Fact]
    public async Task List_NoPageSize_EverythingInOneStream()
    {
        emu.Seed(Org, 250);
        var responses = await ListAsync(new ListRequest { Token = Resource });
        Assert.Equal(250, responses.Count);
        Assert.All(responses, r => Assert.Equal(ListResponse.ResponseOneofCase.Result, r.ResponseCase));
    }

    [Fact]
    public async Task List_Limit_HoldsAcrossContinuations()
    {
        emu.Seed(Org, 30);
        var first = await ListAsync(new ListRequest { Token = Resource, Limit = 25, PageSize = 20 });
        Assert.Equal(20, first.Count(r => r.ResponseCase == ListResponse.ResponseOneofCase.Result));
        var token = first[^1].Continuation.ContinuationToken;

        var second = await ListAsync(new ListRequest { Token = Resource, Limit = 25, PageSize = 20, ContinuationToken = token });

        Assert.Equal(5, second.Count);
        Assert.All(second, r => Assert.Equal(ListResponse.ResponseOneofCase.Result, r.ResponseCase));
    }

    [Fact]
    public async Task List_QueryNameContains_Filters()
    {
        emu.Seed(Org, 5);
        emu.Seed(Org, new PortalSeed { Name = "Deploys", Slug = "deploys" });
        var responses = await ListAsync(new ListRequest { Token = Resource, Query = St(O(("nameContains", S("deploy")))) });
        Assert.Equal("deploys", Assert.Single(responses).Result.Name);
    }

    [Fact]
    public async Task List_UnknownQueryValue_SingleComputedAndNoApiCall()
    {
        var responses = await ListAsync(new ListRequest { Token = Resource, Query = St(O(("nameContains", Unknown))) });
        Assert.Equal(ListResponse.ResponseOneofCase.Computed, Assert.Single(responses).ResponseCase);
        Assert.Empty(emu.Journal.Entries);
    }

    [Fact]
    public async Task List_BadRequests_InvalidArgumentNamingTheField()
    {
        async Task<string> Fails(ListRequest r)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => ListAsync(r));
            Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
            return ex.Status.Detail;
        }

        Assert.Contains("lists only buildkite-portals:index:Portal", await Fails(new ListRequest { Token = "buildkite-portals:index:Other" }), StringComparison.Ordinal);
        Assert.Contains("tags", await Fails(new ListRequest { Token = Resource, Query = St(O(("tags", S("x")))) }), StringComparison.Ordinal);
        Assert.Contains("page_size", await Fails(new ListRequest { Token = Resource, PageSize = -1 }), StringComparison.Ordinal);
        Assert.Contains("continuation_token", await Fails(new ListRequest { Token = Resource, ContinuationToken = "forged" }), StringComparison.Ordinal);
    }
}
