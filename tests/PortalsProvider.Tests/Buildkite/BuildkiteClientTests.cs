using System.Net;
using System.Net.Sockets;
using PortalsProvider.Buildkite;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PortalsProvider.Tests.Buildkite;

public sealed class BuildkiteClientTests : IDisposable
{
    /// <summary>Shaped like a real user token so that the scrubber's pattern and the exact-token check both apply.</summary>
    private const string Token = "bkua_test0123456789abcdef0123456789abcdef";
    private const string Org = "acme";
    private const string PortalsPath = "/v2/organizations/acme/portals";
    private const string UserAgent = "pulumi-resource-buildkite-portals/9.9.9-test";

    /// <summary>Retry waits are seconds; operation deadlines in these tests are at least this long, so the two
    /// kinds of timers can be told apart.</summary>
    private static readonly TimeSpan _longDeadline = TimeSpan.FromHours(1);
    private static readonly TimeSpan _hangGuard = TimeSpan.FromSeconds(15);

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly RecordingTimeProvider _time = new();
    private readonly List<RetryNotice> _retries = [];

    public void Dispose() => _server.Stop();

    // ---- listing -------------------------------------------------------------------------------------------

    [Fact]
    public async Task ListAsync_ThreePages_FollowsLinkNextAndReturnsEveryPortal()
    {
        var page2 = $"{_server.Url}{PortalsPath}?page=2&per_page=100";
        var page3 = $"{_server.Url}{PortalsPath}?page=3&per_page=100";
        _server.Given(Request.Create().WithPath(PortalsPath).UsingGet().WithParam("page", MatchBehaviour.RejectOnMatch))
            .RespondWith(Json(200, $"[{PortalJson("a", "u-a")},{PortalJson("b", "u-b")}]")
                .WithHeader("Link", $"<{page2}>; rel=\"next\", <{page3}>; rel=\"last\""));
        _server.Given(Request.Create().WithPath(PortalsPath).UsingGet().WithParam("page", "2"))
            .RespondWith(Json(200, $"[{PortalJson("c", "u-c")}]")
                .WithHeader("Link", $"<{_server.Url}{PortalsPath}?page=1&per_page=100>; rel=\"prev first\", <{page3}>; rel=\"next\""));
        _server.Given(Request.Create().WithPath(PortalsPath).UsingGet().WithParam("page", "3"))
            .RespondWith(Json(200, $"[{PortalJson("d", "u-d")}]")
                .WithHeader("Link", $"<{page2}>; rel=\"prev\""));
        using var client = CreateClient();

        var portals = await client.ListAsync(null, CancellationToken.None);

        Assert.Equal(["a", "b", "c", "d"], portals.Select(p => p.Slug));
        var requests = _server.LogEntries.Select(e => e.RequestMessage).ToList();
        Assert.Equal(3, requests.Count);
        Assert.Equal("100", requests[0].Query!["per_page"].Single());
    }

    [Fact]
    public async Task ListAsync_NextLinkToAnotherHost_ThrowsInvalidResponseWithoutFollowing()
    {
        _server.Given(Request.Create().WithPath(PortalsPath).UsingGet())
            .RespondWith(Json(200, $"[{PortalJson("a", "u-a")}]")
                .WithHeader("Link", "<https://evil.example.com/v2/organizations/acme/portals?page=2>; rel=\"next\""));
        using var client = CreateClient();

        var ex = await Assert.ThrowsAsync<BuildkiteApiException>(() => client.ListAsync(null, CancellationToken.None));

        Assert.Equal(ApiFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains("evil.example.com", ex.Message, StringComparison.Ordinal);
        Assert.Single(_server.LogEntries);
        AssertNoToken(ex);
    }

    // ---- retries -------------------------------------------------------------------------------------------

    [Fact]
    public async Task ListAsync_RateLimitedWithResetHeader_WaitsResetSecondsOfFakeTime()
    {
        _server.Given(Request.Create().WithPath(PortalsPath).UsingGet()).InScenario("rl").WillSetStateTo("open")
            .RespondWith(Json(429, """{"message":"You have exceeded your API rate limit. Please wait 7 seconds before making more requests."}""")
                .WithHeader("RateLimit-Reset", "7").WithHeader("RateLimit-Remaining", "0"));
        _server.Given(Request.Create().WithPath(PortalsPath).UsingGet()).InScenario("rl").WhenStateIs("open")
            .RespondWith(Json(200, $"[{PortalJson("a", "u-a")}]"));
        using var client = CreateClient(jitter: () => 0.5);

        var list = client.ListAsync(_longDeadline, CancellationToken.None);
        var wait = await _time.NextTimerAsync(below: TimeSpan.FromMinutes(1));
        Assert.InRange(wait, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7) + RetryRules.MaxServerWaitJitter);

        _time.Advance(TimeSpan.FromSeconds(6.9));
        Assert.Single(_server.LogEntries);
        Assert.False(list.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(7) + RetryRules.MaxServerWaitJitter - TimeSpan.FromSeconds(6.9));
        var portals = await list.WaitAsync(_hangGuard);

        Assert.Single(portals);
        Assert.Equal(2, _server.LogEntries.Count);
        Assert.Equal(HttpStatusCode.TooManyRequests, Assert.Single(_retries).StatusCode);
    }

    [Fact]
    public async Task GetAsync_ServiceUnavailableHtmlThenOk_RetriesAndReturnsPortal()
    {
        _server.Given(Request.Create().WithPath($"{PortalsPath}/p").UsingGet()).InScenario("503").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Content-Type", "text/html")
                .WithBody("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>"));
        _server.Given(Request.Create().WithPath($"{PortalsPath}/p").UsingGet()).InScenario("503").WhenStateIs("up")
            .RespondWith(Json(200, PortalJson("p", "u-p")));
        using var client = CreateClient();

        var get = client.GetAsync("p", _longDeadline, CancellationToken.None);
        _time.Advance(await _time.NextTimerAsync(below: TimeSpan.FromMinutes(1)));
        var portal = await get.WaitAsync(_hangGuard);

        Assert.Equal("u-p", portal.Uuid);
        Assert.Equal(2, _server.LogEntries.Count);
    }

    [Fact]
    public async Task CreateAsync_ServerError_IsNotRetried()
    {
        _server.Given(Request.Create().WithPath(PortalsPath).UsingPost())
            .RespondWith(Json(500, """{"message":"Internal Server Error"}"""));
        using var client = CreateClient();

        var ex = await Assert.ThrowsAsync<BuildkiteApiException>(() => client.CreateAsync(NewPortal(), _longDeadline, CancellationToken.None));

        Assert.Equal(ApiFailureKind.HttpStatus, ex.Kind);
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.True(ex.MayHaveActed);
        Assert.Equal(1, ex.Attempts);
        Assert.Single(_server.LogEntries);
        Assert.Empty(_retries);
        AssertNoToken(ex);
    }

    [Fact]
    public async Task CreateAsync_RateLimited_IsRetried()
    {
        _server.Given(Request.Create().WithPath(PortalsPath).UsingPost()).InScenario("post429").WillSetStateTo("open")
            .RespondWith(Json(429, """{"message":"You have exceeded your API rate limit."}""").WithHeader("RateLimit-Reset", "2"));
        _server.Given(Request.Create().WithPath(PortalsPath).UsingPost()).InScenario("post429").WhenStateIs("open")
            .RespondWith(Json(201, PortalJson("new", "u-new", token: "bkpat_newportaltoken123456")));
        using var client = CreateClient();

        var create = client.CreateAsync(NewPortal(), _longDeadline, CancellationToken.None);
        _time.Advance(await _time.NextTimerAsync(below: TimeSpan.FromMinutes(1)));
        var portal = await create.WaitAsync(_hangGuard);

        Assert.Equal("bkpat_newportaltoken123456", portal.Token);
        Assert.Equal(2, _server.LogEntries.Count(e => e.RequestMessage.Method == "POST"));
    }

    [Fact]
    public async Task GetAsync_CancelledWhileA429IsJudged_EndsCancelledNotRateLimited()
    {
        // A retry was due when the caller cancelled (Ctrl-C, the engine's Cancel): the call ends cancelled, not with
        // the 429 that would have been waited out.
        using var caller = new CancellationTokenSource();
        using var client = CreateClient(handler: new CancellingRateLimitHandler(caller));

        var ex = await Record.ExceptionAsync(() => client.GetAsync("p", _longDeadline, caller.Token).WaitAsync(_hangGuard));

        Assert.IsAssignableFrom<OperationCanceledException>(ex);
        Assert.Empty(_retries);
    }

    [Fact]
    public async Task CreateAsync_ConnectionRefused_RetriesThenThrowsConnectionFailed()
    {
        var closedPort = ClosedLoopbackPort();
        using var client = CreateClient(maxRetries: 2, apiUrl: new Uri($"http://127.0.0.1:{closedPort}"));

        var create = client.CreateAsync(NewPortal(), _longDeadline, CancellationToken.None);
        _time.Advance(await _time.NextTimerAsync(below: TimeSpan.FromMinutes(1)));
        _time.Advance(await _time.NextTimerAsync(below: TimeSpan.FromMinutes(1)));
        var ex = await Assert.ThrowsAsync<BuildkiteApiException>(() => create.WaitAsync(_hangGuard));

        Assert.Equal(ApiFailureKind.ConnectionFailed, ex.Kind);
        Assert.False(ex.MayHaveActed);
        Assert.Equal(3, ex.Attempts);
        Assert.Equal(2, _retries.Count);
        AssertNoToken(ex);
    }

    [Fact]
    public async Task CreateAsync_ConnectionResetAfterSend_NotRetriedTransportAfterSend()
    {
        using var server = new AbortingServer();
        using var client = CreateClient(apiUrl: server.Url);

        var ex = await Assert.ThrowsAsync<BuildkiteApiException>(
            () => client.CreateAsync(NewPortal(), _longDeadline, CancellationToken.None).WaitAsync(_hangGuard));

        Assert.Equal(ApiFailureKind.TransportAfterSend, ex.Kind);
        Assert.True(ex.MayHaveActed);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(1, server.Connections);
        AssertNoToken(ex);
    }

    [Fact]
    public async Task GetAsync_ConnectionResetAfterSend_RetriedThenTransportAfterSend()
    {
        using var server = new AbortingServer();
        using var client = CreateClient(maxRetries: 1, apiUrl: server.Url);

        var get = client.GetAsync("p", _longDeadline, CancellationToken.None);
        _time.Advance(await _time.NextTimerAsync(below: TimeSpan.FromMinutes(1)));
        var ex = await Assert.ThrowsAsync<BuildkiteApiException>(() => get.WaitAsync(_hangGuard));

        Assert.Equal(ApiFailureKind.TransportAfterSend, ex.Kind);
        Assert.Null(ex.StatusCode);
        Assert.Equal(2, ex.Attempts);
        Assert.Equal(2, server.Connections);
        AssertNoToken(ex);
    }

    [Fact]
    public async Task CreateAsync_SuccessBodyBreaksOff_ThrowsInvalidResponseKeepingStatusWithoutRetry()
    {
        using var server = new AbortingServer(
            "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"uuid\":\"u-1\",\"token\":\"bkpat_");
        using var client = CreateClient(apiUrl: server.Url);

        var ex = await Assert.ThrowsAsync<BuildkiteApiException>(
            () => client.CreateAsync(NewPortal(), _longDeadline, CancellationToken.None).WaitAsync(_hangGuard));

        Assert.Equal(ApiFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal(HttpStatusCode.Created, ex.StatusCode);
        Assert.True(ex.MayHaveActed);
        Assert.Equal(1, server.Connections);
        AssertNoToken(ex);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task GetAsync_NonPositiveTimeout_ThrowsArgumentOutOfRange(int seconds)
    {
        using var client = CreateClient();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetAsync("p", TimeSpan.FromSeconds(seconds), CancellationToken.None));

        Assert.Empty(_server.LogEntries);
    }

    [Fact]
    public async Task UpdateAsync_RenameRetriedAfterServerErrorFindsOldSlugGone_ReturnsPortalAtNewSlug()
    {
        // The first PUT renamed the portal but its answer was a 502; the retry then finds nothing at the old slug.
        _server.Given(Request.Create().WithPath($"{PortalsPath}/old").UsingPut()).InScenario("rename").WillSetStateTo("renamed")
            .RespondWith(Response.Create().WithStatusCode(502).WithBody("<html>bad gateway</html>"));
        _server.Given(Request.Create().WithPath($"{PortalsPath}/old").UsingPut()).InScenario("rename").WhenStateIs("renamed")
            .RespondWith(Json(404, """{"message":"No portal found"}"""));
        _server.Given(Request.Create().WithPath($"{PortalsPath}/new").UsingGet())
            .RespondWith(Json(200, PortalJson("new", "u-1")));
        using var client = CreateClient();
        var request = new PortalUpdateRequest("Portal new", "query { viewer { user { name } } }", "new", null, null, false);

        var update = client.UpdateAsync("old", request, _longDeadline, CancellationToken.None);
        _time.Advance(await _time.NextTimerAsync(below: TimeSpan.FromMinutes(1)));
        var portal = await update.WaitAsync(_hangGuard);

        Assert.Equal("u-1", portal.Uuid);
        Assert.Equal("new", portal.Slug);
    }

    [Fact]
    public async Task UpdateAsync_NotFoundOnFirstAttempt_ThrowsIsNotFoundWithoutLookingElsewhere()
    {
        _server.Given(Request.Create().WithPath($"{PortalsPath}/old").UsingPut()).RespondWith(Json(404, """{"message":"No portal found"}"""));
        using var client = CreateClient();
        var request = new PortalUpdateRequest("N", "query { viewer { user { name } } }", "new", null, null, false);

        var ex = await Assert.ThrowsAsync<BuildkiteApiException>(() => client.UpdateAsync("old", request, null, CancellationToken.None));

        Assert.True(ex.IsNotFound);
        Assert.Single(_server.LogEntries);
        AssertNoToken(ex);
    }

    // ---- errors --------------------------------------------------------------------------------------------

    [Fact]
    public async Task GetAsync_NotFound_ThrowsIsNotFound()
    {
        _server.Given(Request.Create().WithPath($"{PortalsPath}/gone").UsingGet())
            .RespondWith(Json(404, """{"message":"No portal found"}"""));
        using var client = CreateClient();

        var ex = await Assert.ThrowsAsync<BuildkiteApiException>(() => client.GetAsync("gone", null, CancellationToken.None));

        Assert.True(ex.IsNotFound);
        Assert.Equal("No portal found", ex.ApiMessage);
        Assert.Single(_server.LogEntries);
        AssertNoToken(ex);
    }

    [Fact]
    public async Task CreateAsync_UnprocessableEntity_SurfacesApiMessageVerbatim()
    {
        const string message = "Validation failed: Slug has already been taken, Query is invalid";
        _server.Given(Request.Create().WithPath(PortalsPath).UsingPost())
            .RespondWith(Json(422, $$"""{"message":"{{message}}"}"""));
        using var client = CreateClient();

        var ex = await Assert.ThrowsAsync<BuildkiteApiException>(() => client.CreateAsync(NewPortal(), null, CancellationToken.None));

        Assert.Equal(ApiFailureKind.HttpStatus, ex.Kind);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ex.StatusCode);
        Assert.Equal(message, ex.ApiMessage);
        Assert.Contains($"POST {PortalsPath}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("422", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        AssertNoToken(ex);
    }

    [Fact]
    public async Task GetAsync_NonJsonErrorBody_KeepsStatusAndBody()
    {
        const string html = "<html><body>502 Bad Gateway (nginx)</body></html>";
        _server.Given(Request.Create().WithPath($"{PortalsPath}/p").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody(html));
        using var client = CreateClient(maxRetries: 0);

        var ex = await Assert.ThrowsAsync<BuildkiteApiException>(() => client.GetAsync("p", null, CancellationToken.None));

        Assert.Equal(ApiFailureKind.HttpStatus, ex.Kind);
        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Null(ex.ApiMessage);
        Assert.Equal(html, ex.Body);
        Assert.False(ex.IsNotFound);
        Assert.Contains("502", ex.Message, StringComparison.Ordinal);
        AssertNoToken(ex);
    }

    [Fact]
    public async Task GetAsync_OversizedErrorBody_CapsBodyAt2KiB()
    {
        _server.Given(Request.Create().WithPath($"{PortalsPath}/p").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody(new string('x', 200_000)));
        using var client = CreateClient();

        var ex = await Assert.ThrowsAsync<BuildkiteApiException>(() => client.GetAsync("p", null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.NotNull(ex.Body);
        Assert.InRange(ex.Body.Length, 1, BuildkiteApiException.MaxBodyChars);
        Assert.True(ex.Message.Length < 1000, "the message carries an excerpt, not the body");
        AssertNoToken(ex);
    }

    [Fact]
    public async Task GetAsync_ErrorBodyEchoesToken_TokenIsScrubbed()
    {
        _server.Given(Request.Create().WithPath($"{PortalsPath}/p").UsingGet())
            .RespondWith(Json(401, $$"""{"message":"Authorization 'Bearer {{Token}}' is not valid"}"""));
        using var client = CreateClient();

        var ex = await Assert.ThrowsAsync<BuildkiteApiException>(() => client.GetAsync("p", null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Contains(SecretScrubber.Mask, ex.ApiMessage, StringComparison.Ordinal);
        AssertNoToken(ex);
    }

    [Fact]
    public async Task CreateAsync_SuccessStatusWithNonJsonBody_ThrowsInvalidResponseKeepingStatus()
    {
        _server.Given(Request.Create().WithPath(PortalsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "text/html").WithBody("<html>created, sort of</html>"));
        using var client = CreateClient();

        var ex = await Assert.ThrowsAsync<BuildkiteApiException>(() => client.CreateAsync(NewPortal(), null, CancellationToken.None));

        Assert.Equal(ApiFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal(HttpStatusCode.Created, ex.StatusCode);
        Assert.True(ex.MayHaveActed);
        Assert.Single(_server.LogEntries);
        AssertNoToken(ex);
    }

    [Fact]
    public async Task CreateAsync_TruncatedSuccessBody_ThrowsInvalidResponseAndScrubsPortalToken()
    {
        var truncated = PortalJson("new", "u-new", token: "bkpat_secretportaltoken987654")[..^40];
        _server.Given(Request.Create().WithPath(PortalsPath).UsingPost()).RespondWith(Json(201, truncated));
        using var client = CreateClient();

        var ex = await Assert.ThrowsAsync<BuildkiteApiException>(() => client.CreateAsync(NewPortal(), null, CancellationToken.None));

        Assert.Equal(ApiFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal(HttpStatusCode.Created, ex.StatusCode);
        Assert.DoesNotContain("bkpat_secretportaltoken987654", ex.ToString(), StringComparison.Ordinal);
        AssertNoToken(ex);
    }

    // ---- deadline and cancellation ------------------------------------------------------------------------

    [Fact]
    public async Task GetAsync_CancelledWhileWaitingToRetry_ThrowsOperationCanceledPromptly()
    {
        _server.Given(Request.Create().WithPath($"{PortalsPath}/p").UsingGet())
            .RespondWith(Json(429, """{"message":"rate limited"}""").WithHeader("RateLimit-Reset", "60"));
        using var client = CreateClient();
        using var cts = new CancellationTokenSource();

        var get = client.GetAsync("p", _longDeadline, cts.Token);
        await _time.NextTimerAsync(below: TimeSpan.FromMinutes(30));
        await cts.CancelAsync();

        // No fake time passes: the wait must end because of the cancellation alone.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => get.WaitAsync(_hangGuard));
        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task GetAsync_RetryWaitWouldOverrunDeadline_FailsFastWithTimeout()
    {
        _server.Given(Request.Create().WithPath($"{PortalsPath}/p").UsingGet())
            .RespondWith(Json(429, """{"message":"Please wait 60 seconds"}""").WithHeader("RateLimit-Reset", "60"));
        using var client = CreateClient();

        // No fake time passes: a 60 s wait cannot fit a 30 s budget, so the client gives up at once.
        var ex = await Assert.ThrowsAsync<BuildkiteApiException>(
            () => client.GetAsync("p", TimeSpan.FromSeconds(30), CancellationToken.None).WaitAsync(_hangGuard));

        Assert.Equal(ApiFailureKind.Timeout, ex.Kind);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal("Please wait 60 seconds", ex.ApiMessage);
        Assert.Contains("Please wait 60 seconds", ex.Message, StringComparison.Ordinal);
        Assert.Contains("30 s operation timeout", ex.Message, StringComparison.Ordinal);
        Assert.Single(_server.LogEntries);
        AssertNoToken(ex);
    }

    [Fact]
    public async Task GetAsync_DeadlinePassesDuringAttempt_ThrowsTimeoutNotCanceled()
    {
        var hanging = new HangingHandler();
        using var client = CreateClient(handler: hanging);

        var get = client.GetAsync("p", TimeSpan.FromSeconds(20), CancellationToken.None);
        await _time.NextTimerAsync(below: TimeSpan.FromSeconds(21));
        _time.Advance(TimeSpan.FromSeconds(20));
        var ex = await Assert.ThrowsAsync<BuildkiteApiException>(() => get.WaitAsync(_hangGuard));

        Assert.Equal(ApiFailureKind.Timeout, ex.Kind);
        Assert.True(ex.MayHaveActed);
        Assert.Equal(1, hanging.Calls);
        AssertNoToken(ex);
    }

    // ---- request shape -------------------------------------------------------------------------------------

    [Fact]
    public async Task UpdateAsync_ClearingFieldsAndRenaming_SendsExplicitNullsToOldSlugPath()
    {
        _server.Given(Request.Create().WithPath($"{PortalsPath}/old-slug").UsingPut())
            .RespondWith(Json(200, PortalJson("new-slug", "u-1")));
        using var client = CreateClient();

        var portal = await client.UpdateAsync(
            "old-slug",
            new PortalUpdateRequest("Viewer", "query { viewer { user { name } } }", "new-slug", null, null, false),
            null,
            CancellationToken.None);

        Assert.Equal("new-slug", portal.Slug);
        var request = Assert.Single(_server.LogEntries).RequestMessage;
        Assert.Equal($"{PortalsPath}/old-slug", request.Path);
        Assert.Equal(
            """{"name":"Viewer","query":"query { viewer { user { name } } }","slug":"new-slug","description":null,"allowed_ip_addresses":null,"user_invokable":false}""",
            request.Body);
        Assert.StartsWith("application/json", request.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_OptionalFieldsUnset_OmitsThemFromBody()
    {
        _server.Given(Request.Create().WithPath(PortalsPath).UsingPost()).RespondWith(Json(201, PortalJson("derived", "u-1")));
        using var client = CreateClient();

        await client.CreateAsync(NewPortal(), null, CancellationToken.None);

        Assert.Equal(
            """{"name":"Viewer","query":"query { viewer { user { name } } }","user_invokable":false}""",
            Assert.Single(_server.LogEntries).RequestMessage.Body);
    }

    [Fact]
    public async Task DeleteAsync_NoContent_Succeeds()
    {
        _server.Given(Request.Create().WithPath($"{PortalsPath}/p").UsingDelete()).RespondWith(Response.Create().WithStatusCode(204));
        using var client = CreateClient();

        await client.DeleteAsync("p", null, CancellationToken.None);

        Assert.Equal("DELETE", Assert.Single(_server.LogEntries).RequestMessage.Method);
    }

    [Fact]
    public async Task GetAsync_AnyCall_SendsBearerTokenUserAgentAndAcceptJson()
    {
        _server.Given(Request.Create().WithPath($"{PortalsPath}/p").UsingGet()).RespondWith(Json(200, PortalJson("p", "u-p")));
        using var client = CreateClient();

        await client.GetAsync("p", null, CancellationToken.None);

        var headers = Assert.Single(_server.LogEntries).RequestMessage.Headers!;
        Assert.Equal($"Bearer {Token}", headers["Authorization"].Single());
        Assert.Equal(UserAgent, headers["User-Agent"].Single());
        Assert.Equal("application/json", headers["Accept"].Single());
        Assert.DoesNotContain(Token, Assert.Single(_server.LogEntries).RequestMessage.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_SlugWithReservedCharacters_IsEscapedInPath()
    {
        var handler = new RecordingHandler(PortalJson("a b/c?d", "u-1"));
        using var client = CreateClient(handler: handler, apiUrl: new Uri("https://api.example.com/prefix"));

        await client.GetAsync("a b/c?d", null, CancellationToken.None);

        Assert.Equal("/prefix/v2/organizations/acme/portals/a%20b%2Fc%3Fd", Assert.Single(handler.Uris).AbsolutePath);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData(" ")]
    public async Task DeleteAsync_DotOrBlankSlug_ThrowsArgumentExceptionWithoutRequest(string slug)
    {
        using var client = CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteAsync(slug, null, CancellationToken.None));

        Assert.Empty(_server.LogEntries);
    }

    [Fact]
    public async Task GetAsync_SixtyFourConcurrentCalls_AllSucceedOnOneClient()
    {
        _server.Given(Request.Create().WithPath($"{PortalsPath}/p").UsingGet()).RespondWith(Json(200, PortalJson("p", "u-p")));
        using var client = CreateClient();

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => client.GetAsync("p", null, CancellationToken.None)));

        Assert.All(results, p => Assert.Equal("u-p", p.Uuid));
        Assert.Equal(64, _server.LogEntries.Count);
    }

    // ---- options -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("http://api.buildkite.com")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("http://localhost.example.com")]
    public void Create_PlainHttpNonLoopbackApiUrl_ThrowsArgumentExceptionNamingApiUrl(string url)
    {
        var ex = Assert.Throws<ArgumentException>(() => BuildkiteClient.Create(Options(new Uri(url))));

        Assert.Equal("apiUrl", ex.ParamName);
        Assert.Contains("https://", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9999")]
    [InlineData("http://127.8.9.10")]
    [InlineData("http://[::1]:8080")]
    [InlineData("http://localhost:1234/prefix")]
    [InlineData("https://api.buildkite.com")]
    public void Create_HttpsOrLoopbackApiUrl_IsAccepted(string url)
    {
        using var client = BuildkiteClient.Create(Options(new Uri(url)));

        Assert.NotNull(client);
    }

    [Fact]
    public void Create_TokenWithLineBreak_ThrowsWithoutEchoingToken()
    {
        var ex = Assert.Throws<ArgumentException>(
            () => BuildkiteClient.Create(Options(new Uri("https://api.buildkite.com")) with { ApiToken = Token + "\nX-Evil: 1" }));

        Assert.Equal("apiToken", ex.ParamName);
        Assert.DoesNotContain(Token, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", Org, "apiToken")]
    [InlineData("  ", Org, "apiToken")]
    [InlineData(Token, "", "organization")]
    [InlineData(Token, " ", "organization")]
    public void Create_BlankTokenOrOrganization_ThrowsArgumentExceptionNamingIt(string token, string org, string expectedParam)
    {
        var ex = Assert.Throws<ArgumentException>(
            () => BuildkiteClient.Create(Options(new Uri("https://api.buildkite.com")) with { ApiToken = token, Organization = org }));

        Assert.Equal(expectedParam, ex.ParamName);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private BuildkiteClient CreateClient(int maxRetries = 3, Uri? apiUrl = null, HttpMessageHandler? handler = null, Func<double>? jitter = null) =>
        BuildkiteClient.Create(
            Options(apiUrl ?? new Uri(_server.Url!)) with { MaxRetries = maxRetries },
            _time,
            handler,
            jitter ?? (() => 0.5),
            notice =>
            {
                lock (_retries)
                {
                    _retries.Add(notice);
                }
            });

    private static BuildkiteClientOptions Options(Uri apiUrl) => new()
    {
        ApiToken = Token,
        Organization = Org,
        ApiUrl = apiUrl,
        UserAgent = UserAgent,
    };

    private static void AssertNoToken(Exception ex)
    {
        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, ex.Message, StringComparison.Ordinal);
        if (ex is BuildkiteApiException api)
        {
            Assert.DoesNotContain(Token, api.Body ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, api.ApiMessage ?? string.Empty, StringComparison.Ordinal);
        }
    }

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static PortalCreateRequest NewPortal() =>
        new("Viewer", "query { viewer { user { name } } }", null, null, null, false);

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    private static string PortalJson(string slug, string uuid, string? token = null) =>
        $$"""
        {"uuid":"{{uuid}}","slug":"{{slug}}","organization_uuid":"org-1","name":"Portal {{slug}}","description":null,
         "query":"query { viewer { user { name } } }","allowed_ip_addresses":null,"user_invokable":false,
         "created_at":"2024-08-26T03:22:45.555Z",
         "created_by":{"id":"user-1","graphql_id":"VXNlci0t","name":"Ann","email":"ann@example.com","avatar_url":"https://example.com/a.png","created_at":"2024-01-01T00:00:00.000Z"}{{(token is null ? "" : $",\"token\":\"{token}\"")}}}
        """;
}
