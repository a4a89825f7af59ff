using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using PortalsProvider.Buildkite;
using Polly;

namespace PortalsProvider.Tests.Buildkite;

public sealed class RetryRulesTests
{
    private static readonly DateTimeOffset _now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RateLimitWait_UserWindowExhausted_UsesUserReset()
    {
        var headers = Headers(("RateLimit-Remaining", "150"), ("RateLimit-Reset", "12"), ("RateLimit-User-Remaining", "0"), ("RateLimit-User-Reset", "42"));

        Assert.Equal(TimeSpan.FromSeconds(42), RetryRules.RateLimitWait(headers));
    }

    [Fact]
    public void RateLimitWait_OnlyOrgReset_UsesIt()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), RetryRules.RateLimitWait(Headers(("RateLimit-Reset", "7"))));
    }

    [Fact]
    public void Propose_RateLimitedWithRetryAfterDate_WaitsUntilThatDate()
    {
        var response = Response(429, ("Retry-After", _now.AddSeconds(30).ToString("R")));

        var proposal = RetryRules.Propose(Outcome.FromResult(response), idempotent: false, 0, _now, () => 0);

        Assert.Equal(TimeSpan.FromSeconds(30), proposal?.Delay);
    }

    [Fact]
    public void Propose_RateLimitedWithoutHeaders_BacksOffExponentially()
    {
        var proposal = RetryRules.Propose(Outcome.FromResult(Response(429)), idempotent: false, 3, _now, () => 1);

        Assert.Equal(TimeSpan.FromSeconds(8), proposal?.Delay);
    }

    [Theory]
    [InlineData(500, true, true)]
    [InlineData(503, true, true)]
    [InlineData(408, true, true)]
    [InlineData(500, false, false)]
    [InlineData(501, true, false)]
    [InlineData(404, true, false)]
    [InlineData(422, true, false)]
    public void Propose_Status_RetriesOnlyTransientForIdempotent(int status, bool idempotent, bool expected)
    {
        var proposal = RetryRules.Propose(Outcome.FromResult(Response(status)), idempotent, 0, _now, () => 0);

        Assert.Equal(expected, proposal is not null);
    }

    [Fact]
    public void Propose_ConnectionRefusedOnPost_Retries()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused));

        Assert.NotNull(RetryRules.Propose(Outcome.FromException<ApiResponse>(refused), idempotent: false, 0, _now, () => 0));
    }

    [Fact]
    public void Propose_ResponseEndedOnPost_DoesNotRetry()
    {
        var ended = new HttpRequestException(HttpRequestError.ResponseEnded, "ended");

        Assert.Null(RetryRules.Propose(Outcome.FromException<ApiResponse>(ended), idempotent: false, 0, _now, () => 0));
        Assert.NotNull(RetryRules.Propose(Outcome.FromException<ApiResponse>(ended), idempotent: true, 0, _now, () => 0));
    }

    [Fact]
    public void ClassifyException_ConnectTimeout_IsRetryableConnectionFailed()
    {
        var connectTimeout = new TaskCanceledException("The connection attempt timed out.", new TimeoutException());

        Assert.Equal((ApiFailureKind.ConnectionFailed, true), RetryRules.ClassifyException(connectTimeout));
        Assert.Null(RetryRules.ClassifyException(new OperationCanceledException()));
        Assert.Null(RetryRules.ClassifyException(new InvalidOperationException()));
    }

    [Fact]
    public void Backoff_ManyAttempts_GrowsAndIsCapped()
    {
        var waits = Enumerable.Range(0, 12).Select(a => RetryRules.Backoff(a, () => 1)).ToList();

        Assert.Equal(TimeSpan.FromSeconds(1), waits[0]);
        Assert.Equal(TimeSpan.FromSeconds(2), waits[1]);
        Assert.All(waits.Zip(waits.Skip(1)), pair => Assert.True(pair.First <= pair.Second));
        Assert.Equal(RetryRules.BackoffCap, waits[^1]);
        Assert.Equal(RetryRules.BackoffCap / 2, RetryRules.Backoff(11, () => 0));
    }

    private static ApiResponse Response(int status, params (string Name, string Value)[] headers) =>
        new((HttpStatusCode)status, Headers(headers), null, null);

    private static HttpResponseHeaders Headers(params (string Name, string Value)[] headers)
    {
        using var message = new HttpResponseMessage();
        foreach (var (name, value) in headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message.Headers;
    }
}
