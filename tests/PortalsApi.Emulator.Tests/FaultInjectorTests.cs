using System.Net;
using System.Text.Json;

namespace PortalsApi.Emulator.Tests;

public sealed class FaultInjectorTests : EmulatorTestBase
{
    private const string CreateBody = """{"name":"Viewer","query":"q"}""";

    [Fact]
    public async Task RateLimit_Returns429WithHeadersAndBody_AndDoesNotAct()
    {
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit, ResetSeconds = 7, Count = 1 });

        using var limited = await PostAsync(CreateBody);
        using var next = await PostAsync(CreateBody);

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("7", Header(limited, "RateLimit-Reset"));
        Assert.Equal("0", Header(limited, "RateLimit-Remaining"));
        Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter!.Delta);
        var body = await ReadJsonAsync(limited);
        Assert.Equal("You have exceeded your API rate limit. Please wait 7 seconds before making more requests.", body["message"]!.GetValue<string>());
        Assert.Equal(7, body["reset"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.Single(Emulator.Portals("acme"));
    }

    [Fact]
    public async Task RateLimit_WithoutRateLimitHeaders_SendsOnlyRetryAfter()
    {
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit, ResetSeconds = 3, SendRateLimitHeaders = false });

        using var limited = await Http.GetAsync(PortalsPath, Ct);

        Assert.False(limited.Headers.Contains("RateLimit-Reset"));
        Assert.Equal(TimeSpan.FromSeconds(3), limited.Headers.RetryAfter!.Delta);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task ServerError_AnswersHtmlAndDoesNotAct(int status)
    {
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Status = status });

        using var response = await PostAsync(CreateBody);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"<title>{status} ", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(Emulator.Portals("acme"));
    }

    [Fact]
    public async Task ServerError_AfterActing_AppliesTheOperationFirst()
    {
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Status = 504, AfterActing = true });

        using var response = await PostAsync(CreateBody);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Single(Emulator.Portals("acme"));
        Assert.False(response.Headers.Contains("RateLimit-Remaining"));
    }

    [Theory]
    [InlineData(401, "Authentication required. Please supply a valid API Access Token: https://buildkite.com/docs/apis/rest-api#authentication")]
    [InlineData(403, "Your access token doesn't have the write_portals scope")]
    [InlineData(404, "No portal found")]
    [InlineData(422, "Validation failed: Query is invalid")]
    public async Task Status_AnswersJsonMessageAndDoesNotAct(int status, string message)
    {
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Status, Status = status });

        using var response = await PostAsync(CreateBody);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(message, await ReadMessageAsync(response));
        Assert.Empty(Emulator.Portals("acme"));
    }

    [Fact]
    public async Task Status_WithMessage_UsesIt()
    {
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Status, Status = 422, Message = "Validation failed: Slug has already been taken, Query is invalid" });

        using var response = await PostAsync(CreateBody);

        Assert.Equal("Validation failed: Slug has already been taken, Query is invalid", await ReadMessageAsync(response));
    }

    [Fact]
    public async Task NonJson_Answers200WithHtml()
    {
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.NonJson });

        using var response = await Http.GetAsync(PortalsPath, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task AbortBeforeActing_FailsTheRequestAndChangesNothing()
    {
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.AbortBeforeActing });

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(CreateBody));

        Assert.Empty(Emulator.Portals("acme"));
        var entry = Assert.Single(Emulator.Journal.Entries);
        Assert.True(entry.Aborted);
        Assert.Equal(0, entry.Status);
        Assert.Equal(FaultKind.AbortBeforeActing, entry.Fault);
    }

    [Fact]
    public async Task AbortAfterActing_FailsTheRequestButThePortalIsStored()
    {
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.AbortAfterActing, Method = "POST" });

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(CreateBody));

        var stored = Assert.Single(Emulator.Portals("acme"));
        Assert.Equal("viewer", stored.Slug);
        var entry = Assert.Single(Emulator.Journal.Entries);
        Assert.True(entry.Aborted);
        Assert.Equal(201, entry.Status);
    }

    [Fact]
    public async Task TruncatedJson_ActsAndSendsHalfTheBody()
    {
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TruncatedJson });

        using var response = await PostAsync(CreateBody);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("{\"uuid\":", text, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
        Assert.Single(Emulator.Portals("acme"));
    }

    [Fact]
    public async Task Delay_ThenServesNormally()
    {
        var handle = Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Delay, Delay = TimeSpan.FromMilliseconds(20) });

        using var response = await PostAsync(CreateBody);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, handle.Hits);
        Assert.Equal(FaultKind.Delay, Assert.Single(Emulator.Journal.Entries).Fault);
    }

    [Fact]
    public async Task Hang_HoldsTheRequestUntilReleased()
    {
        var handle = Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Hang, Method = "POST" });

        var pending = PostAsync(CreateBody);
        await handle.WaitForHitsAsync(1, Ct);
        Assert.False(pending.IsCompleted);
        Assert.Empty(Emulator.Portals("acme"));

        handle.Release();
        using var response = await pending;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(Emulator.Portals("acme"));
        Assert.False(handle.IsActive);
        Assert.Same(handle, Assert.Single(Emulator.Faults.Rules));
    }

    [Fact]
    public async Task Hang_WithCount_UsedUpRuleCanStillBeReleased()
    {
        var handle = Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Hang, Count = 1 });

        var held = Http.GetAsync(PortalsPath, Ct);
        await handle.WaitForHitsAsync(1, Ct);
        using var passes = await Http.GetAsync(PortalsPath, Ct);
        Emulator.Faults.Find(handle.Id)!.Release();
        using var released = await held;

        Assert.Equal(HttpStatusCode.OK, passes.StatusCode);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
    }

    [Fact]
    public async Task Remove_ReleasesHeldRequestsAndUnlistsTheRule()
    {
        var handle = Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Hang });
        var held = Http.GetAsync(PortalsPath, Ct);
        await handle.WaitForHitsAsync(1, Ct);

        handle.Remove();
        using var released = await held;

        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Empty(Emulator.Faults.Rules);
    }

    [Fact]
    public async Task Clear_ReleasesHeldRequests()
    {
        var handle = Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Hang, Count = 1 });
        var held = Http.GetAsync(PortalsPath, Ct);
        await handle.WaitForHitsAsync(1, Ct);

        Emulator.Faults.Clear();
        using var released = await held;

        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
    }

    [Fact]
    public async Task Hang_ClientGivesUp_IsJournaledAsAbortedAndDoesNotAct()
    {
        var handle = Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Hang });
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var pending = Http.PostAsync(PortalsPath, Json(CreateBody), giveUp.Token);
        await handle.WaitForHitsAsync(1, Ct);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        var entry = await Emulator.Journal.WaitForAsync(e => e.Fault == FaultKind.Hang, Ct);
        Assert.True(entry.Aborted);
        Assert.Empty(Emulator.Portals("acme"));
    }

    [Fact]
    public async Task Hang_EmulatorDisposed_ReleasesHeldRequest()
    {
        var handle = Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Hang });
        var pending = Http.GetAsync(PortalsPath, Ct);
        await handle.WaitForHitsAsync(1, Ct);

        await Emulator.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
    }

    [Fact]
    public async Task Count_FiresOnTheNextNMatchingRequestsOnly()
    {
        var handle = Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Status = 503, Count = 2 });
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await Http.GetAsync(PortalsPath, Ct);
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([503, 503, 200, 200], statuses);
        Assert.Equal(2, handle.Hits);
        Assert.False(handle.IsActive);
    }

    [Fact]
    public async Task EveryNth_FiresOnEveryNthMatchingRequest()
    {
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, EveryNth = 3 });
        var statuses = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await Http.GetAsync(PortalsPath, Ct);
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([200, 200, 500, 200, 200, 500, 200], statuses);
    }

    [Fact]
    public async Task MethodAndPathPrefix_ScopeTheRule()
    {
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Status, Status = 404, Method = "get", PathPrefix = PortalsPath + "/viewer" });

        using var created = await PostAsync(CreateBody);
        using var list = await Http.GetAsync(PortalsPath, Ct);
        using var get = await Http.GetAsync(PortalsPath + "/viewer", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task PathRegex_ScopesTheRule()
    {
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, PathRegex = "/portals/[^/]+$" });

        using var list = await Http.GetAsync(PortalsPath, Ct);
        using var get = await Http.GetAsync(PortalsPath + "/x", Ct);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, get.StatusCode);
    }

    [Fact]
    public async Task Rules_FirstAddedThatFiresWins()
    {
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Status = 502, Count = 1 });
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Status = 503, Count = 1 });

        using var first = await Http.GetAsync(PortalsPath, Ct);
        using var second = await Http.GetAsync(PortalsPath, Ct);
        using var third = await Http.GetAsync(PortalsPath, Ct);

        Assert.Equal([502, 503, 200], new[] { (int)first.StatusCode, (int)second.StatusCode, (int)third.StatusCode });
    }

    [Fact]
    public async Task Clear_RemovesEveryRule()
    {
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError });
        Emulator.Faults.Clear();

        using var response = await Http.GetAsync(PortalsPath, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(FaultKind.Status, null, 0)]
    [InlineData(FaultKind.ServerError, 404, 0)]
    [InlineData(FaultKind.Delay, null, 0)]
    [InlineData(FaultKind.ServerError, null, -1)]
    public void Add_InconsistentRule_Throws(FaultKind kind, int? status, int count)
    {
        var rule = new FaultRule { Kind = kind, Status = status, Count = count == 0 ? null : count };

        Assert.Throws<ArgumentException>(() => Emulator.Faults.Add(rule));
    }
}
