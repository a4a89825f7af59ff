using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;

namespace PortalsProvider.Bench;

/// <summary>
/// Cold start as the engine sees it: from exec to the first GetPluginInfo answer, on a fresh process and a fresh
/// HTTP/2 connection each time. Binaries are interleaved run by run so that machine noise hits all alike.
/// </summary>
internal static class ColdStartBenchmark
{
    public static async Task<IReadOnlyList<ColdStartResult>> RunAsync(
        IReadOnlyList<PluginBinary> binaries, int runs, CancellationToken ct)
    {
        var totals = binaries.ToDictionary(b => b.Label, _ => new List<double>());
        var portLines = binaries.ToDictionary(b => b.Label, _ => new List<double>());
        var rss = binaries.ToDictionary(b => b.Label, _ => new List<double>());
        var cpu = binaries.ToDictionary(b => b.Label, _ => new List<double>());

        // One unmeasured start each: page cache warm, as on a developer machine that ran the plugin before.
        foreach (var binary in binaries)
        {
            _ = await MeasureOnceAsync(binary, ct);
        }

        for (var run = 0; run < runs; run++)
        {
            for (var k = 0; k < binaries.Count; k++)
            {
                var binary = binaries[(run + k) % binaries.Count];
                var (total, portLine, cpuMs, rssKiB) = await MeasureOnceAsync(binary, ct);
                cpu[binary.Label].Add(cpuMs);
                totals[binary.Label].Add(total);
                portLines[binary.Label].Add(portLine);
                rss[binary.Label].Add(rssKiB / 1024.0);
            }
        }

        return [.. binaries.Select(b => new ColdStartResult(
            b.Label,
            runs,
            Stats.Median(totals[b.Label]),
            totals[b.Label].Min(),
            Stats.Percentile(totals[b.Label], 90),
            Stats.Median(portLines[b.Label]),
            Stats.Median(cpu[b.Label]),
            Stats.Median(rss[b.Label])))];
    }

    private static async Task<(double TotalMs, double PortLineMs, double CpuMs, long RssKiB)> MeasureOnceAsync(PluginBinary binary, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var plugin = await PluginProcess.StartAsync(binary.Path, environment: null, ct);
        var portLine = clock.Elapsed.TotalMilliseconds;
        _ = await plugin.Client.GetPluginInfoAsync(new Empty(), cancellationToken: ct);
        var total = clock.Elapsed.TotalMilliseconds;
        return (total, portLine, plugin.CpuTimeMs(), plugin.PeakRssKiB());
    }
}
