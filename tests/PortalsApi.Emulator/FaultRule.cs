namespace PortalsApi.Emulator;

/// <summary>
/// One fault to inject. A request matches when its method and path match; of the matching requests the rule fires on
/// every one (default), on every <see cref="EveryNth"/>-th one, and at most <see cref="Count"/> times in total
/// (after which it is inactive but still listed, with its hits). Rules are tried in the order they were added; the first that fires wins.
/// Control-plane requests (<c>/__emulator/…</c>) are never faulted.
/// </summary>
public sealed record FaultRule
{
    /// <summary>What happens.</summary>
    public required FaultKind Kind { get; init; }

    /// <summary>HTTP method to match (case-insensitive); <c>null</c> matches any method.</summary>
    public string? Method { get; init; }

    /// <summary>Path prefix to match (ordinal, without the query string); <c>null</c> matches any path.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>Regular expression the path (without query string) must match; <c>null</c> matches any path.</summary>
    public string? PathRegex { get; init; }

    /// <summary>Fire at most this many times (the "next N matching requests"); <c>null</c> = unlimited.</summary>
    public int? Count { get; init; }

    /// <summary>Fire on the Nth, 2Nth, 3Nth… matching request counted from when the rule was added; <c>null</c> = every one.</summary>
    public int? EveryNth { get; init; }

    /// <summary>Status for <see cref="FaultKind.ServerError"/> (500, 502, 503, 504; default 500) and <see cref="FaultKind.Status"/> (required).</summary>
    public int? Status { get; init; }

    /// <summary>
    /// The <c>message</c> of a <see cref="FaultKind.Status"/> body. Default per status: 401 the authentication message,
    /// 403 a missing-scope message, 404 <c>No portal found</c>, 422 <c>Validation failed: Query is invalid</c>.
    /// </summary>
    public string? Message { get; init; }

    /// <summary>Wall-clock delay of <see cref="FaultKind.Delay"/>.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Seconds reported by a <see cref="FaultKind.RateLimit"/> answer (body <c>reset</c> and headers). Default 1.</summary>
    public int ResetSeconds { get; init; } = 1;

    /// <summary>Whether a <see cref="FaultKind.RateLimit"/> answer carries the <c>RateLimit-*</c> headers. Default true.</summary>
    public bool SendRateLimitHeaders { get; init; } = true;

    /// <summary>Whether a <see cref="FaultKind.RateLimit"/> answer carries <c>Retry-After</c>. Default true.</summary>
    public bool SendRetryAfter { get; init; } = true;

    /// <summary>
    /// For <see cref="FaultKind.ServerError"/>, <see cref="FaultKind.Status"/> and <see cref="FaultKind.NonJson"/>:
    /// apply the operation first, then answer with the fault (e.g. a 504 from a gateway after the backend created the portal).
    /// </summary>
    public bool AfterActing { get; init; }
}
