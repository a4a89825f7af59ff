using System.Net;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PortalsProvider.Portals;
using PortalsProvider.Protos.Rpc;
using PortalsProvider.Pulumi;
using PortalsProvider.Tests.Fakes;
using Pulumirpc;
using static PortalsProvider.Tests.Portals.PV;

namespace PortalsProvider.Tests.Pulumi;

/// <summary>Every resource RPC over real gRPC against the in-process host, with an in-memory Portals API.</summary>
public sealed class ResourceLifecycleTests
{
    private const string Urn = ProviderHarness.Urn;

    private static Struct St(PValue.Object o) => ProviderHarness.ToStruct(o);

    private static PValue.Object Pv(Struct s) => ProviderHarness.FromStruct(s);

    private static async Task<ProviderHarness> ConfiguredAsync()
    {
        var h = await ProviderHarness.StartAsync();
        await h.ConfigureAsync();
        return h;
    }

    [Fact]
    public async Task Handshake_AcceptsSecretsNotResources()
    {
        await using var h = await ProviderHarness.StartAsync();
        var r = await h.Client.HandshakeAsync(new ProviderHandshakeRequest { EngineAddress = h.Engine.Address });
        Assert.True(r.AcceptSecrets);
        Assert.False(r.AcceptResources);
        Assert.False(r.AcceptOutputs);
    }

    [Fact]
    public async Task GetPluginInfo_ReportsSchemaVersion()
    {
        await using var h = await ProviderHarness.StartAsync();
        Assert.Equal(ProviderInfo.Version, (await h.Client.GetPluginInfoAsync(new Empty())).Version);
    }

    [Fact]
    public async Task GetSchema_ServesGeneratedSchema()
    {
        await using var h = await ProviderHarness.StartAsync();
        Assert.Equal(PulumiSchema.Json, (await h.Client.GetSchemaAsync(new GetSchemaRequest())).Schema);
    }

    [Fact]
    public async Task Attach_ReturnsOk()
    {
        await using var h = await ProviderHarness.StartAsync();
        await h.Client.AttachAsync(new PluginAttach { Address = h.Engine.Address });
    }

    [Fact]
    public async Task Invoke_GetPortalWithoutArguments_FailureNotException()
    {
        // Functions are covered in FunctionsEmulatorTests; this only pins that Invoke is served.
        await using var h = await ConfiguredAsync();
        var r = await h.Client.InvokeAsync(new InvokeRequest { Tok = "buildkite-portals:index:getPortal" });
        Assert.Equal("slug", Assert.Single(r.Failures).Property);
    }

    [Fact]
    public async Task Check_ReturnsAllFailuresWithPaths()
    {
        await using var h = await ConfiguredAsync();
        var r = await h.Client.CheckAsync(new CheckRequest
        {
            Urn = Urn,
            Olds = new Struct(),
            News = St(O(("name", S("")), ("query", S("query {")), ("allowedIpAddresses", L(S("192.0.2.0/24"), S("bad"))), ("userInvokable", S("true")))),
        });
        Assert.Equal(["name", "query", "allowedIpAddresses[1]", "userInvokable"], r.Failures.Select(f => f.Property));
        Assert.Contains("1:8", r.Failures[1].Reason);
    }

    [Fact]
    public async Task Check_SecretInputs_StayWrapped()
    {
        await using var h = await ConfiguredAsync();
        var r = await h.Client.CheckAsync(new CheckRequest { Urn = Urn, Olds = new Struct(), News = St(Valid(("description", Secret(S("hush"))))) });
        Assert.Empty(r.Failures);
        Assert.Equal(Secret(S("hush")), Pv(r.Inputs)["description"]);
        var raw = r.Inputs.Fields["description"].StructValue;
        Assert.Equal("1b47061264138c4ac30d75fd1eb44270", raw.Fields["4dabf18193072939515e22adb298388d"].StringValue);
    }

    [Fact]
    public async Task Diff_EqualAfterSecretUnwrap_DiffNone()
    {
        await using var h = await ConfiguredAsync();
        var r = await h.Client.DiffAsync(new DiffRequest
        {
            Id = "u", Urn = Urn,
            Olds = St(Valid(("slug", S("deploys")))),
            OldInputs = St(Valid(("description", Secret(S("d"))))),
            News = St(Valid(("description", S("d")))),
        });
        Assert.Equal(DiffResponse.Types.DiffChanges.DiffNone, r.Changes);
        Assert.Empty(r.Diffs);
    }

    [Fact]
    public async Task Diff_Changes_DetailedNeverReplace()
    {
        await using var h = await ConfiguredAsync();
        var r = await h.Client.DiffAsync(new DiffRequest
        {
            Id = "u", Urn = Urn,
            Olds = St(Valid(("slug", S("deploys")), ("description", S("d")))),
            OldInputs = St(Valid(("slug", S("deploys")), ("description", S("d")), ("allowedIpAddresses", L(S("192.0.2.0/24"), S("198.51.100.0/24"))))),
            News = St(Valid(("slug", S("renamed")), ("allowedIpAddresses", L(S("198.51.100.0/24"), S("192.0.2.0/24"))), ("name", S("New")))),
            IgnoreChanges = { "name" },
        });
        Assert.Equal(DiffResponse.Types.DiffChanges.DiffSome, r.Changes);
        Assert.True(r.HasDetailedDiff);
        Assert.Equal(["slug", "description"], r.Diffs);
        Assert.Equal(PropertyDiff.Types.Kind.Update, r.DetailedDiff["slug"].Kind);
        Assert.Equal(PropertyDiff.Types.Kind.Delete, r.DetailedDiff["description"].Kind);
        Assert.All(r.DetailedDiff.Values, d => Assert.True(d.InputDiff));
        Assert.Empty(r.Replaces);
        Assert.False(r.DeleteBeforeReplace);
    }

    [Fact]
    public async Task CreatePreview_NoApiCallAndComputedOutputsUnknown()
    {
        await using var h = await ConfiguredAsync();
        var r = await h.Client.CreateAsync(new CreateRequest { Urn = Urn, Preview = true, Properties = St(Valid(("slug", S("deploys")))) });
        Assert.Empty(h.Api.Journal);
        var outputs = Pv(r.Properties);
        Assert.Equal(Unknown, outputs["uuid"]);
        Assert.Equal(Unknown, outputs["createdAt"]);
        Assert.Equal(Secret(Unknown), outputs["token"]);
        Assert.Equal(S("https://portal.buildkite.com/organizations/acme/portals/deploys"), outputs["url"]);
        Assert.Equal(B(false), outputs["userInvokable"]);
    }

    [Fact]
    public async Task CreatePreview_WithoutSlug_SlugAndUrlUnknown()
    {
        await using var h = await ConfiguredAsync();
        var r = await h.Client.CreateAsync(new CreateRequest { Urn = Urn, Preview = true, Properties = St(Valid(("query", Unknown))) });
        var outputs = Pv(r.Properties);
        Assert.Equal(Unknown, outputs["slug"]);
        Assert.Equal(Unknown, outputs["url"]);
        Assert.Equal(Unknown, outputs["query"]);
        Assert.Empty(h.Api.Journal);
    }

    [Fact]
    public async Task Create_ReturnsUuidIdAndSecretToken()
    {
        await using var h = await ConfiguredAsync();
        var r = await h.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = St(Valid(("allowedIpAddresses", L(S("192.0.2.0/24"), S("198.51.100.0/24"))))) });
        var portal = Assert.Single(h.Api.Portals);
        Assert.Equal(portal.Uuid, r.Id);
        Assert.Equal("192.0.2.0/24 198.51.100.0/24", portal.AllowedIpAddresses);
        var outputs = Pv(r.Properties);
        Assert.Equal(Secret(S(portal.Token!)), outputs["token"]);
        Assert.Equal(S("deploys"), outputs["slug"]);
        Assert.Equal(S("https://portal.buildkite.com/organizations/acme/portals/deploys"), outputs["url"]);
        Assert.IsType<PValue.Object>(outputs["createdBy"]);
        Assert.Equal(["POST Deploys"], h.Api.Journal);
    }

    [Fact]
    public async Task Create_SecretInput_OutputStaysSecret()
    {
        await using var h = await ConfiguredAsync();
        var r = await h.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = St(Valid(("description", Secret(S("hush"))))) });
        Assert.Equal(Secret(S("hush")), Pv(r.Properties)["description"]);
        Assert.Equal("hush", Assert.Single(h.Api.Portals).Description);
    }

    [Fact]
    public async Task Create_ApiValidationError_InvalidArgumentNamingActionPortalAndMessage()
    {
        await using var h = await ConfiguredAsync();
        h.Api.Seed("Other", "deploys");
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await h.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = St(Valid(("slug", S("deploys")))) }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("creating portal \"deploys\": 422 Validation failed: Slug has already been taken", ex.Status.Detail);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, StatusCode.Unauthenticated)]
    [InlineData(HttpStatusCode.Forbidden, StatusCode.PermissionDenied)]
    [InlineData(HttpStatusCode.TooManyRequests, StatusCode.ResourceExhausted)]
    [InlineData(HttpStatusCode.Conflict, StatusCode.Aborted)]
    public async Task Create_ApiStatus_MapsToSpecificCode(HttpStatusCode status, StatusCode expected)
    {
        await using var h = await ConfiguredAsync();
        h.Api.Faults["POST"] = FakePortalsApi.Http(status, "POST", "nope");
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await h.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = St(Valid()) }));
        Assert.Equal(expected, ex.StatusCode);
        Assert.Contains("nope", ex.Status.Detail);
    }

    [Fact]
    public async Task Create_ResponseLostButPortalCreated_PartialFailureWithId()
    {
        await using var h = await ConfiguredAsync();
        h.Api.Faults["POST"] = FakePortalsApi.Transport("POST");
        h.Api.FaultAfterActing["POST"] = true;
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await h.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = St(Valid(("slug", S("deploys")))) }));
        var status = RpcStatus.Parser.ParseFrom(ex.Trailers.GetValueBytes(RpcErrors.DetailsTrailer));
        var detail = status.Details.Single().Unpack<ErrorResourceInitFailed>();
        var portal = Assert.Single(h.Api.Portals);
        Assert.Equal(portal.Uuid, detail.Id);
        Assert.Equal("deploys", detail.Properties.Fields["slug"].StringValue);
        Assert.False(detail.Properties.Fields.ContainsKey("token"));
        Assert.Contains("pulumi up --replace", Assert.Single(detail.Reasons));
        Assert.Equal(["POST deploys", "GET deploys"], h.Api.Journal);
        Assert.NotEqual(StatusCode.Internal, ex.StatusCode);
        Assert.NotEqual(StatusCode.Unknown, ex.StatusCode);
    }

    [Fact]
    public async Task Create_ResponseLostWithoutSlug_FoundByMatchingInputs()
    {
        await using var h = await ConfiguredAsync();
        h.Api.Faults["POST"] = FakePortalsApi.Transport("POST");
        h.Api.FaultAfterActing["POST"] = true;
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await h.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = St(Valid()) }));
        var detail = RpcStatus.Parser.ParseFrom(ex.Trailers.GetValueBytes(RpcErrors.DetailsTrailer)).Details.Single().Unpack<ErrorResourceInitFailed>();
        Assert.Equal(Assert.Single(h.Api.Portals).Uuid, detail.Id);
        Assert.Equal(["POST Deploys", "GET *"], h.Api.Journal);
    }

    [Fact]
    public async Task Create_ResponseLostAndNothingCreated_UnavailableAndNoSecondPost()
    {
        await using var h = await ConfiguredAsync();
        h.Api.Faults["POST"] = FakePortalsApi.Transport("POST");
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await h.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = St(Valid(("slug", S("deploys")))) }));
        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.StartsWith("creating portal \"deploys\":", ex.Status.Detail);
        Assert.Empty(h.Api.Portals);
        Assert.Equal(["POST deploys", "GET deploys"], h.Api.Journal);
    }

    [Fact]
    public async Task Create_InvalidInputsFromDirectClient_InvalidArgument()
    {
        await using var h = await ConfiguredAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await h.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = St(O(("name", N(1)))) }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Empty(h.Api.Journal);
    }

    private static async Task<(CreateResponse Created, PValue.Object Inputs)> CreateAsync(ProviderHarness h, PValue.Object inputs)
    {
        var created = await h.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = St(inputs) });
        return (created, inputs);
    }

    [Fact]
    public async Task Update_Rename_OnePutToOldSlugAndTokenCarriedForward()
    {
        await using var h = await ConfiguredAsync();
        var (created, inputs) = await CreateAsync(h, Valid(("slug", S("deploys")), ("description", S("d"))));
        while (h.Api.Journal.TryDequeue(out _))
        {
        }

        var news = inputs.With("slug", S("renamed")).Without("description");
        var r = await h.Client.UpdateAsync(new UpdateRequest { Id = created.Id, Urn = Urn, Olds = created.Properties, OldInputs = St(inputs), News = St(news) });
        Assert.Equal(["PUT deploys"], h.Api.Journal);
        var portal = Assert.Single(h.Api.Portals);
        Assert.Equal("renamed", portal.Slug);
        Assert.Null(portal.Description);
        var outputs = Pv(r.Properties);
        Assert.Equal(Pv(created.Properties)["token"], outputs["token"]);
        Assert.IsType<PValue.Secret>(outputs["token"]);
        Assert.Equal(S("https://portal.buildkite.com/organizations/acme/portals/renamed"), outputs["url"]);
        Assert.Null(outputs["description"]);
    }

    [Fact]
    public async Task Update_ClearAllowListAndUserInvokableDefault()
    {
        await using var h = await ConfiguredAsync();
        var (created, inputs) = await CreateAsync(h, Valid(("allowedIpAddresses", L(S("192.0.2.0/24"))), ("userInvokable", B(true))));
        await h.Client.UpdateAsync(new UpdateRequest { Id = created.Id, Urn = Urn, Olds = created.Properties, OldInputs = St(inputs), News = St(Valid()) });
        var portal = Assert.Single(h.Api.Portals);
        Assert.Null(portal.AllowedIpAddresses);
        Assert.False(portal.UserInvokable);
        Assert.Equal("deploys", portal.Slug);
    }

    [Fact]
    public async Task UpdatePreview_NoApiCallAndOverlaysInputs()
    {
        await using var h = await ConfiguredAsync();
        var (created, inputs) = await CreateAsync(h, Valid());
        var before = h.Api.Journal.Count;
        var r = await h.Client.UpdateAsync(new UpdateRequest { Id = created.Id, Urn = Urn, Preview = true, Olds = created.Properties, OldInputs = St(inputs), News = St(Valid(("name", Unknown), ("slug", S("x")))) });
        Assert.Equal(before, h.Api.Journal.Count);
        var outputs = Pv(r.Properties);
        Assert.Equal(Unknown, outputs["name"]);
        Assert.Equal(S("https://portal.buildkite.com/organizations/acme/portals/x"), outputs["url"]);
        Assert.Equal(Pv(created.Properties)["uuid"], outputs["uuid"]);
        Assert.IsType<PValue.Secret>(outputs["token"]);
    }

    [Fact]
    public async Task Update_OldSlugRenamedOutOfBand_PutsToCurrentSlug()
    {
        await using var h = await ConfiguredAsync();
        var (created, inputs) = await CreateAsync(h, Valid());
        h.Api.Rename("deploys", "moved");
        await h.Client.UpdateAsync(new UpdateRequest { Id = created.Id, Urn = Urn, Olds = created.Properties, OldInputs = St(inputs), News = St(Valid(("description", S("x")))) });
        Assert.Equal("x", Assert.Single(h.Api.Portals).Description);
        Assert.Contains("PUT moved", h.Api.Journal);
    }

    [Fact]
    public async Task Update_PortalGone_NotFoundWithAdvice()
    {
        await using var h = await ConfiguredAsync();
        var (created, inputs) = await CreateAsync(h, Valid());
        h.Api.Remove("deploys");
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await h.Client.UpdateAsync(new UpdateRequest { Id = created.Id, Urn = Urn, Olds = created.Properties, OldInputs = St(inputs), News = St(Valid(("description", S("x")))) }));
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Contains("pulumi refresh", ex.Status.Detail);
    }

    [Fact]
    public async Task ReadRefresh_Unchanged_SameOutputsTokenKept()
    {
        await using var h = await ConfiguredAsync();
        var (created, inputs) = await CreateAsync(h, Valid());
        var r = await h.Client.ReadAsync(new ReadRequest { Id = created.Id, Urn = Urn, Properties = created.Properties, Inputs = St(inputs) });
        Assert.Equal(created.Id, r.Id);
        Assert.Equal(Pv(created.Properties), Pv(r.Properties));
        Assert.Equal(inputs, Pv(r.Inputs));
    }

    [Fact]
    public async Task ReadRefresh_RenamedOutOfBand_DriftFoundByUuid()
    {
        await using var h = await ConfiguredAsync();
        var (created, inputs) = await CreateAsync(h, Valid(("slug", S("deploys"))));
        h.Api.Rename("deploys", "moved");
        var r = await h.Client.ReadAsync(new ReadRequest { Id = created.Id, Urn = Urn, Properties = created.Properties, Inputs = St(inputs) });
        Assert.Equal(created.Id, r.Id);
        var outputs = Pv(r.Properties);
        Assert.Equal(S("moved"), outputs["slug"]);
        Assert.Equal(S("https://portal.buildkite.com/organizations/acme/portals/moved"), outputs["url"]);
        Assert.Equal(Pv(created.Properties)["token"], outputs["token"]);
        Assert.Equal(S("moved"), Pv(r.Inputs)["slug"]);
        Assert.Contains("GET *", h.Api.Journal);
    }

    [Fact]
    public async Task ReadRefresh_Gone_EmptyId()
    {
        await using var h = await ConfiguredAsync();
        var (created, inputs) = await CreateAsync(h, Valid());
        h.Api.Remove("deploys");
        var r = await h.Client.ReadAsync(new ReadRequest { Id = created.Id, Urn = Urn, Properties = created.Properties, Inputs = St(inputs) });
        Assert.Equal(string.Empty, r.Id);
    }

    [Fact]
    public async Task ReadRefresh_ServerError_SpecificCodeNotGone()
    {
        await using var h = await ConfiguredAsync();
        var (created, inputs) = await CreateAsync(h, Valid());
        h.Api.Faults["GET deploys"] = FakePortalsApi.Http(HttpStatusCode.BadGateway, "GET", "bad gateway");
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await h.Client.ReadAsync(new ReadRequest { Id = created.Id, Urn = Urn, Properties = created.Properties, Inputs = St(inputs) }));
        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal("reading portal \"deploys\": 502 bad gateway", ex.Status.Detail);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadImport_BySlugOrUuid_RoundTripsThroughCheckAndDiff(bool byUuid)
    {
        await using var h = await ConfiguredAsync();
        var seeded = h.Api.Seed("Builds", "builds", "query Q { viewer { id } }", allowed: "198.51.100.0/24 192.0.2.0/24", userInvokable: true, description: "all builds");
        var r = await h.Client.ReadAsync(new ReadRequest { Id = byUuid ? seeded.Uuid : "builds", Urn = Urn });
        Assert.Equal(seeded.Uuid, r.Id);
        var outputs = Pv(r.Properties);
        Assert.Null(outputs["token"]);
        Assert.Equal(L(S("198.51.100.0/24"), S("192.0.2.0/24")), outputs["allowedIpAddresses"]);
        var inputs = Pv(r.Inputs);
        Assert.Equal(
            O(("name", S("Builds")), ("query", S("query Q { viewer { id } }")), ("slug", S("builds")), ("description", S("all builds")),
              ("allowedIpAddresses", L(S("198.51.100.0/24"), S("192.0.2.0/24"))), ("userInvokable", B(true))),
            inputs);

        var check = await h.Client.CheckAsync(new CheckRequest { Urn = Urn, Olds = r.Inputs, News = r.Inputs });
        Assert.Empty(check.Failures);
        var diff = await h.Client.DiffAsync(new DiffRequest { Id = r.Id, Urn = Urn, Olds = r.Properties, OldInputs = r.Inputs, News = check.Inputs });
        Assert.Equal(DiffResponse.Types.DiffChanges.DiffNone, diff.Changes);

        var warning = Assert.Single(h.Engine.Messages);
        Assert.Equal(LogSeverity.Warning, warning.Severity);
        Assert.Equal(Urn, warning.Urn);
        Assert.Contains("token cannot be read back", warning.Message);
        Assert.Contains("pulumi up --replace " + Urn, warning.Message);
    }

    [Fact]
    public async Task ReadImport_EngineUnreachable_LoggingDegradesSilently()
    {
        await using var h = await ConfiguredAsync();
        await h.Engine.DisposeAsync();
        var seeded = h.Api.Seed("Builds", "builds");
        var r = await h.Client.ReadAsync(new ReadRequest { Id = "builds", Urn = Urn });
        Assert.Equal(seeded.Uuid, r.Id);
    }

    [Fact]
    public async Task ReadImport_Missing_EmptyIdAndNoProperties()
    {
        await using var h = await ConfiguredAsync();
        var r = await h.Client.ReadAsync(new ReadRequest { Id = "nope", Urn = Urn });
        Assert.Equal(string.Empty, r.Id);
        Assert.Null(r.Properties);
    }

    [Fact]
    public async Task Delete_DeletesByStateSlug()
    {
        await using var h = await ConfiguredAsync();
        var (created, inputs) = await CreateAsync(h, Valid());
        await h.Client.DeleteAsync(new DeleteRequest { Id = created.Id, Urn = Urn, Properties = created.Properties, OldInputs = St(inputs) });
        Assert.Empty(h.Api.Portals);
        Assert.Contains("DELETE deploys", h.Api.Journal);
    }

    [Fact]
    public async Task Delete_AlreadyGone_Ok()
    {
        await using var h = await ConfiguredAsync();
        var (created, inputs) = await CreateAsync(h, Valid());
        h.Api.Remove("deploys");
        await h.Client.DeleteAsync(new DeleteRequest { Id = created.Id, Urn = Urn, Properties = created.Properties, OldInputs = St(inputs) });
        Assert.Equal(["POST Deploys", "DELETE deploys", "GET *"], h.Api.Journal);
    }

    [Fact]
    public async Task Delete_RenamedOutOfBand_DeletesCurrentSlug()
    {
        await using var h = await ConfiguredAsync();
        var (created, inputs) = await CreateAsync(h, Valid());
        h.Api.Rename("deploys", "moved");
        await h.Client.DeleteAsync(new DeleteRequest { Id = created.Id, Urn = Urn, Properties = created.Properties, OldInputs = St(inputs) });
        Assert.Empty(h.Api.Portals);
    }

    [Fact]
    public async Task Delete_Unprocessable_ReportsApiMessage()
    {
        await using var h = await ConfiguredAsync();
        var (created, _) = await CreateAsync(h, Valid());
        h.Api.Faults["DELETE"] = FakePortalsApi.Http(HttpStatusCode.UnprocessableEntity, "DELETE", "Portal is in use");
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await h.Client.DeleteAsync(new DeleteRequest { Id = created.Id, Urn = Urn, Properties = created.Properties }));
        Assert.Equal("deleting portal \"deploys\": 422 Portal is in use", ex.Status.Detail);
        Assert.Single(h.Api.Portals);
    }

    [Fact]
    public async Task Cancel_CancelsInFlightCallAndReturnsOk()
    {
        await using var h = await ConfiguredAsync();
        h.Api.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = h.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = St(Valid()) });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (h.Api.Journal.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Yield();
        }

        Assert.False(h.Api.Journal.IsEmpty);
        await h.Client.CancelAsync(new Empty());
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.Empty(h.Api.Portals);
    }

    [Fact]
    public async Task OversizedRequest_ResourceExhausted()
    {
        await using var h = await ProviderHarness.StartAsync(maxReceiveBytes: 64 * 1024);
        await h.ConfigureAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await h.Client.CheckAsync(new CheckRequest { Urn = Urn, News = St(Valid(("description", S(new string('x', 100_000))))) }));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task DeeplyNestedValue_InvalidArgument()
    {
        await using var h = await ConfiguredAsync();
        var value = Value.ForString("x");
        for (var i = 0; i < 40; i++)
        {
            value = Value.ForList(value);
        }

        var news = St(Valid());
        news.Fields["description"] = value;
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await h.Client.CheckAsync(new CheckRequest { Urn = Urn, News = news }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("nested", ex.Status.Detail);
    }
}
