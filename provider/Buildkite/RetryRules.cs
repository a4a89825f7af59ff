using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Polly;

namespace PortalsProvider.Buildkite;

/// <summary>What is retried, and after how long: the contract's "HTTP behaviour", as pure functions.</summary>
/// <remarks>
/// Polly runs the loop (attempt counting, waiting on the injected <see cref="TimeProvider"/>, disposal,
/// cancellation). The wait itself is computed here rather than by Polly's built-in backoff because the client
/// must know the wait <em>before</em> deciding to retry: a wait that would run past the operation's deadline
/// fails fast with <see cref="ApiFailureKind.Timeout"/> instead of sleeping into it, and Polly offers no hook
/// that can veto a retry once its own delay has been chosen.
/// </remarks>
internal static class RetryRules
{
    /// <summary>First exponential-backoff step (then 2 s, 4 s, … up to <see cref="BackoffCap"/>).</summary>
    public static readonly TimeSpan BackoffBase = TimeSpan.FromSeconds(1);

    /// <summary>Largest exponential-backoff wait: long enough to ride out a deploy, short enough to stay responsive.</summary>
    public static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(30);

    /// <summary>Added on top of a server-announced wait (<c>RateLimit-Reset</c>, <c>Retry-After</c>), scaled by the
    /// jitter source, so that parallel operations do not all return in the same instant the window reopens.</summary>
    public static readonly TimeSpan MaxServerWaitJitter = TimeSpan.FromSeconds(1);

    /// <summary>A proposed retry: the wait and a short reason for the user.</summary>
    internal readonly record struct Proposal(TimeSpan Delay, string Reason);

    /// <summary>The retry due after this outcome, or null when it must not be retried.</summary>
    /// <param name="outcome">The attempt's result or exception.</param>
    /// <param name="idempotent">False for POST, which is retried only where the API provably did not act.</param>
    /// <param name="attempt">0-based number of the attempt that produced <paramref name="outcome"/>.</param>
    /// <param name="now">The injected clock's current time (for a <c>Retry-After</c> date).</param>
    /// <param name="jitter">Source of values in [0, 1).</param>
    public static Proposal? Propose(Outcome<ApiResponse> outcome, bool idempotent, int attempt, DateTimeOffset now, Func<double> jitter)
    {
        if (outcome.Exception is { } ex)
        {
            return ClassifyException(ex) switch
            {
                // Refused: nothing reached the API, so even a POST is safe to repeat.
                (ApiFailureKind.ConnectionFailed, true) => new Proposal(Backoff(attempt, jitter), "could not connect"),
                (ApiFailureKind.TransportAfterSend, _) when idempotent => new Proposal(Backoff(attempt, jitter), "connection lost"),
                (ApiFailureKind.InvalidResponse, _) when idempotent => new Proposal(Backoff(attempt, jitter), "response broke off"),
                _ => null,
            };
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (status == 429)
        {
            // Rate limited: the API refused the request before acting, so every method may wait and retry.
            var wait = RateLimitWait(response.Headers) ?? RetryAfterWait(response.Headers, now);
            return wait is { } w
                ? new Proposal(w + Scale(MaxServerWaitJitter, jitter), "rate limited (HTTP 429)")
                : new Proposal(Backoff(attempt, jitter), "rate limited (HTTP 429)");
        }

        if (!idempotent || !IsTransientStatus(status))
        {
            return null;
        }

        var reason = $"HTTP {status}";
        return RetryAfterWait(response.Headers, now) is { } serverWait
            ? new Proposal(serverWait + Scale(MaxServerWaitJitter, jitter), reason)
            : new Proposal(Backoff(attempt, jitter), reason);
    }

    /// <summary>5xx other than "not implemented"/"version not supported" (which no retry can fix), and 408.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or (>= 500 and <= 599 and not 501 and not 505);

    /// <summary>Kind of a transport exception and whether repeating it can help; null for a non-transport exception (a bug).</summary>
    public static (ApiFailureKind Kind, bool Retryable)? ClassifyException(Exception ex) => ex switch
    {
        ResponseBodyException => (ApiFailureKind.InvalidResponse, true),
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => (ApiFailureKind.ConnectionFailed, true),

        // A misspelt host or a certificate problem: the API did not act, and retrying will not fix it.
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError }
            => (ApiFailureKind.ConnectionFailed, false),
        // SocketsHttpHandler.ConnectTimeout: the connection was never made. (HttpClient.Timeout, which throws the same
        // shape, is disabled in this client: the operation deadline is enforced on the injected clock instead.)
        OperationCanceledException { InnerException: TimeoutException } => (ApiFailureKind.ConnectionFailed, true),
        _ when FindSocketError(ex) is SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable
            => (ApiFailureKind.ConnectionFailed, true),
        HttpRequestException or IOException or SocketException => (ApiFailureKind.TransportAfterSend, true),
        _ => null,
    };

    /// <summary>Seconds from the <c>RateLimit-*</c> headers. Buildkite sends an organization window
    /// (<c>RateLimit-Reset</c>) and a per-user window (<c>RateLimit-User-Reset</c>); both are seconds until the
    /// window resets, not epoch times. The exhausted window(s) decide; without a <c>Remaining: 0</c> hint the
    /// organization window is used.</summary>
    public static TimeSpan? RateLimitWait(HttpResponseHeaders headers)
    {
        var orgReset = Seconds(headers, "RateLimit-Reset");
        var userReset = Seconds(headers, "RateLimit-User-Reset");
        var orgExhausted = Seconds(headers, "RateLimit-Remaining") is { } r && r <= TimeSpan.Zero;
        var userExhausted = Seconds(headers, "RateLimit-User-Remaining") is { } u && u <= TimeSpan.Zero;

        TimeSpan? wait = null;
        if (orgExhausted && orgReset is { } o)
        {
            wait = o;
        }

        if (userExhausted && userReset is { } ur && (wait is null || ur > wait))
        {
            wait = ur;
        }

        return wait ?? orgReset ?? userReset;
    }

    /// <summary><c>Retry-After</c> as delta-seconds or an HTTP date (relative to the injected clock).</summary>
    public static TimeSpan? RetryAfterWait(HttpResponseHeaders headers, DateTimeOffset now) => headers.RetryAfter switch
    {
        { Delta: { } delta } when delta >= TimeSpan.Zero => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>Exponential backoff with "equal jitter": half the step is fixed (so waits always grow), half is random
    /// (so parallel operations spread out).</summary>
    public static TimeSpan Backoff(int attempt, Func<double> jitter)
    {
        var step = BackoffBase * Math.Pow(2, Math.Min(attempt, 16));
        if (step > BackoffCap)
        {
            step = BackoffCap;
        }

        return (step / 2) + Scale(step / 2, jitter);
    }

    private static TimeSpan Scale(TimeSpan span, Func<double> jitter) => span * Math.Clamp(jitter(), 0.0, 1.0);

    private static TimeSpan? Seconds(HttpResponseHeaders headers, string name)
    {
        if (!headers.TryGetValues(name, out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds / 2)
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }

        return null;
    }

    private static SocketError? FindSocketError(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }
}
