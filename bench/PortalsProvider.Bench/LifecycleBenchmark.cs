using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PortalsProvider.Buildkite;

namespace PortalsProvider.Bench;

/// <summary>
/// <c>pulumi up</c> (Check + Create) → <c>refresh</c> (Read) → <c>destroy</c> (Delete) of N portals against the
/// emulator, at the engine's parallelism, through the provider process; the floor makes the same API calls
/// (POST, GET, DELETE) directly with the Buildkite HTTP client at the same parallelism. Plugin start-up is not
/// in the wall time (it is the cold-start figure).
/// </summary>
internal static class LifecycleBenchmark
{
    public const string FloorLabel = "direct HTTP client (floor)";

    public static async Task<LifecycleRun> RunProviderAsync(
        PluginBinary binary, int portals, int parallelism, int? rateLimitPerMinute, TimeSpan apiLatency, bool skipRefresh, CancellationToken ct)
    {
        await using var emulator = await EmulatorHost.StartAsync(rateLimitPerMinute, apiLatency, ct);
        await using var plugin = await PluginProcess.StartAsync(binary.Path, environment: null, ct);
        var driver = new EngineDriver(plugin.Client);
        await driver.ConfigureAsync(emulator.BaseUrl, EmulatorHost.Token, EmulatorHost.Organization, ct);

        var inputs = new Struct[portals];
        var outputs = new Struct[portals];
        var ids = new string[portals];
        var failures = 0;

        var up = await PhaseAsync(portals, parallelism, async i =>
        {
            inputs[i] = await driver.CheckAsync(i, new Struct(), SamplePortal.News(i), ct);
            var created = await driver.CreateAsync(i, inputs[i], ct);
            ids[i] = created.Id;
            outputs[i] = created.Properties;
        }, () => Interlocked.Increment(ref failures), ct);

        var refresh = skipRefresh ? 0 : await PhaseAsync(portals, parallelism, async i =>
        {
            if (ids[i] is null)
            {
                return;
            }

            var read = await driver.ReadAsync(i, ids[i], outputs[i], inputs[i], ct);
            outputs[i] = read.Properties;
        }, () => Interlocked.Increment(ref failures), ct);

        var destroy = await PhaseAsync(portals, parallelism, async i =>
        {
            if (ids[i] is not null)
            {
                await driver.DeleteAsync(i, ids[i], outputs[i], inputs[i], ct);
            }
        }, () => Interlocked.Increment(ref failures), ct);

        var peak = plugin.PeakRssKiB() / 1024.0;
        return new LifecycleRun(up, refresh, destroy, failures, peak);
    }

    public static async Task<LifecycleRun> RunFloorAsync(int portals, int parallelism, TimeSpan apiLatency, CancellationToken ct)
    {
        await using var emulator = await EmulatorHost.StartAsync(rateLimitPerMinute: null, apiLatency, ct);
        using var client = BuildkiteClient.Create(new BuildkiteClientOptions
        {
            ApiToken = EmulatorHost.Token,
            Organization = EmulatorHost.Organization,
            ApiUrl = emulator.BaseUrl,
        });

        var slugs = new string[portals];
        var failures = 0;
        var up = await PhaseAsync(portals, parallelism, async i =>
        {
            var created = await client.CreateAsync(SamplePortal.CreateRequest(i), timeout: null, ct);
            slugs[i] = created.Slug;
        }, () => Interlocked.Increment(ref failures), ct);
        var refresh = await PhaseAsync(portals, parallelism, async i =>
        {
            if (slugs[i] is not null)
            {
                _ = await client.GetAsync(slugs[i], timeout: null, ct);
            }
        }, () => Interlocked.Increment(ref failures), ct);
        var destroy = await PhaseAsync(portals, parallelism, async i =>
        {
            if (slugs[i] is not null)
            {
                await client.DeleteAsync(slugs[i], timeout: null, ct);
            }
        }, () => Interlocked.Increment(ref failures), ct);
        return new LifecycleRun(up, refresh, destroy, failures, 0);
    }

    /// <summary>Runs one step per portal with at most <paramref name="parallelism"/> in flight, like the engine's step executor.</summary>
    private static async Task<double> PhaseAsync(
        int portals, int parallelism, Func<int, Task> step, Func<int> onFailure, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, portals),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct },
            async (i, _) =>
            {
                try
                {
                    await step(i);
                }
                catch (Exception e) when (e is RpcException or BuildkiteApiException or InvalidOperationException)
                {
                    if (onFailure() <= 5)
                    {
                        await Console.Error.WriteLineAsync($"  portal {i}: {e.GetType().Name}: {e.Message}");
                    }
                }
            });
        return clock.Elapsed.TotalSeconds;
    }
}
