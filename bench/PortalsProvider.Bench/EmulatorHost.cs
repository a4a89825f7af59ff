using PortalsApi.Emulator;

namespace PortalsProvider.Bench;

/// <summary>A fresh in-process Portals API emulator per measured run, so no run inherits another's state.</summary>
internal static class EmulatorHost
{
    public const string Token = "bkua_bench_0123456789abcdef0123456789abcdef";
    public const string Organization = "bench";

    /// <param name="apiLatency">Wall-clock delay before every request is served (an API's own latency); zero for none.</param>
    public static async Task<PortalsEmulator> StartAsync(int? rateLimitPerMinute, TimeSpan apiLatency, CancellationToken ct)
    {
        var emulator = await PortalsEmulator.StartAsync(
            new EmulatorOptions { Token = Token, Organization = Organization, RateLimitPerMinute = rateLimitPerMinute },
            ct);
        if (apiLatency > TimeSpan.Zero)
        {
            _ = emulator.Faults.Add(new FaultRule { Kind = FaultKind.Delay, Delay = apiLatency });
        }

        return emulator;
    }
}
