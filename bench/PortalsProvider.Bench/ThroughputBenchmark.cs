using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Pulumirpc;

namespace PortalsProvider.Bench;

/// <summary>
/// Check and Diff over gRPC against a configured provider, with the engine's request shapes and realistic inputs;
/// the bare host's GetPluginInfo over the same kind of connection is the transport floor.
/// </summary>
internal static class ThroughputBenchmark
{
    public static async Task<IReadOnlyList<ThroughputResult>> RunAsync(
        string label, EngineDriver driver, bool isProvider, int[] concurrencies, int callsPerRound, int rounds, CancellationToken ct)
    {
        var calls = new List<(string Rpc, Func<int, Task> Call)>();
        if (isProvider)
        {
            var oldOutputs = Enumerable.Range(0, 64).Select(OldOutputs).ToArray();
            var news = Enumerable.Range(0, 64).Select(i => SamplePortal.News(i)).ToArray();
            var edited = Enumerable.Range(0, 64).Select(i => SamplePortal.News(i, " (edited)")).ToArray();
            var empty = new Struct();
            calls.Add(("Check", i => driver.CheckAsync(i, empty, news[i % 64], ct)));
            calls.Add(("Diff", i => driver.DiffAsync(i, $"uuid-{i % 64}", oldOutputs[i % 64], news[i % 64], edited[i % 64], ct)));
        }
        else
        {
            var none = new Empty();
            calls.Add(("GetPluginInfo", async _ => await driver.Client.GetPluginInfoAsync(none, cancellationToken: ct)));
        }

        var results = new List<ThroughputResult>();
        foreach (var (rpc, call) in calls)
        {
            foreach (var concurrency in concurrencies)
            {
                await MeasureRoundAsync(call, concurrency, Math.Max(200, callsPerRound / 5));
                var rates = new List<double>();
                var latencies = new List<double>();
                for (var round = 0; round < rounds; round++)
                {
                    var (rate, roundLatencies) = await MeasureRoundAsync(call, concurrency, callsPerRound);
                    rates.Add(rate);
                    latencies.AddRange(roundLatencies);
                }

                results.Add(new ThroughputResult(
                    label, rpc, concurrency, callsPerRound * rounds, Stats.Median(rates),
                    Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99)));
            }
        }

        return results;
    }

    /// <summary>The state a real Create would have left: inputs plus every output, token as a secret.</summary>
    public static Struct OldOutputs(int i)
    {
        var outputs = SamplePortal.News(i);
        outputs.Fields["uuid"] = Value.ForString($"01890cd6-6e3c-4a6e-9f43-{i:D12}");
        outputs.Fields["organizationUuid"] = Value.ForString("0188b2a1-3f1c-4b54-8e5d-2c1f9b6a7d10");
        outputs.Fields["createdAt"] = Value.ForString("2026-12-04T10:00:00.000Z");
        var createdBy = new Struct();
        createdBy.Fields["id"] = Value.ForString("0188b2a1-aaaa-4b54-8e5d-2c1f9b6a7d10");
        createdBy.Fields["graphqlId"] = Value.ForString("VXNlci0tLTAxODhiMmExLWFhYWEtNGI1NA==");
        createdBy.Fields["name"] = Value.ForString("Bench User");
        createdBy.Fields["email"] = Value.ForString("bench@example.com");
        createdBy.Fields["avatarUrl"] = Value.ForString("https://www.gravatar.com/avatar/0");
        createdBy.Fields["createdAt"] = Value.ForString("2024-01-01T00:00:00.000Z");
        outputs.Fields["createdBy"] = Value.ForStruct(createdBy);
        outputs.Fields["url"] = Value.ForString($"https://portal.buildkite.com/organizations/bench/portals/{SamplePortal.Slug(i)}");
        outputs.Fields["token"] = SamplePortal.Secret($"bkpt_{i:D32}");
        return outputs;
    }

    private static async Task<(double CallsPerSecond, double[] LatenciesMs)> MeasureRoundAsync(
        Func<int, Task> call, int concurrency, int totalCalls)
    {
        var latencies = new double[totalCalls];
        var next = -1;
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < totalCalls)
            {
                var start = Stopwatch.GetTimestamp();
                await call(i);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        });
        await Task.WhenAll(workers);
        return (totalCalls / wall.Elapsed.TotalSeconds, latencies);
    }
}
