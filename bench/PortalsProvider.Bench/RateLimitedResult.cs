namespace PortalsProvider.Bench;

/// <summary>Create then delete N portals under the emulator's per-minute limit, against the ideal pacing.</summary>
internal sealed record RateLimitedResult(
    string Label, int Portals, int Parallelism, int LimitPerMinute, int ApiRequests, double TotalSeconds, int Failures)
{
    /// <summary>The ideal pacing: N requests at the limit's average rate, N / limit.</summary>
    public double IdealSeconds => ApiRequests * 60.0 / LimitPerMinute;

    /// <summary>
    /// The earliest the last request can be admitted by a fixed 60-second window that opens with the first request:
    /// the limit's worth per window, so full windows before the last one.
    /// </summary>
    public double FixedWindowFloorSeconds => (ApiRequests - 1) / LimitPerMinute * 60.0;
}
