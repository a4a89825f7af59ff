namespace PortalsProvider.Bench;

/// <summary>
/// The rate-limited run: N portals created (Check + Create) then deleted through the provider while the emulator
/// enforces a per-minute limit in real time, so the provider must wait out 429s (<c>RateLimit-Reset</c>) without
/// failing an operation. 2N API requests.
/// </summary>
internal static class RateLimitedBenchmark
{
    public static async Task<RateLimitedResult> RunAsync(
        PluginBinary binary, int portals, int parallelism, int limitPerMinute, CancellationToken ct)
    {
        var run = await LifecycleBenchmark.RunProviderAsync(
            binary, portals, parallelism, limitPerMinute, TimeSpan.Zero, skipRefresh: true, ct);
        return new RateLimitedResult(
            binary.Label, portals, parallelism, limitPerMinute, 2 * portals, run.TotalSeconds, run.Failures);
    }
}
