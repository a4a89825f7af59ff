using PortalsApi.Emulator;

namespace PortalsProvider.Bench;

/// <summary>A fresh in-process Portals API emulator per measured run, so no run inherits another's state.</summary>
internal static class EmulatorHost
{
    public const string Token = "bkua_bench_0123456789abcdef0123456789abcdef";
    public const string Organization = "bench";

    public static Task<PortalsEmulator> StartAsync(int? rateLimitPerMinute, CancellationToken ct) =>
        PortalsEmulator.StartAsync(
            new EmulatorOptions { Token = Token, Organization = Organization, RateLimitPerMinute = rateLimitPerMinute },
            ct);
}
