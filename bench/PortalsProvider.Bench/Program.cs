using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;

namespace PortalsProvider.Bench;

/// <summary>
/// Usage: PortalsProvider.Bench --bare BIN --aot BIN --jit BIN [--out bench/RESULTS.md] [--quick]
///        [--only coldstart,throughput,lifecycle,ratelimit] [--portals N] [--repeats N] [--cold-runs N]
///        [--rate-limit N] [--rate-portals N]
///        PortalsProvider.Bench --micro [BenchmarkDotNet args]
/// Progress goes to stderr; the table to --out and stdout.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--micro")
        {
            _ = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
            return 0;
        }

        Settings settings;
        try
        {
            settings = ParseArgs(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        PluginProcess.WorkingDirectory = settings.WorkingDirectory;
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };

        var report = await RunAsync(settings, cts.Token);
        var existing = File.Exists(settings.Output) ? await File.ReadAllTextAsync(settings.Output, cts.Token) : null;
        var kept = existing?.IndexOf(BenchReport.AnalysisMarker, StringComparison.Ordinal) is >= 0 and var at
            ? existing[(at + BenchReport.AnalysisMarker.Length)..]
            : null;
        var markdown = report.Markdown(string.Join(' ', Environment.GetEnvironmentVariable("BENCH_COMMAND") ?? "scripts/bench.sh"), kept);
        await File.WriteAllTextAsync(settings.Output, markdown, cts.Token);
        await Console.Out.WriteAsync(markdown);
        await Console.Error.WriteLineAsync($"wrote {settings.Output}");
        return 0;
    }

    private static async Task<BenchReportRun> RunAsync(Settings settings, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var bare = new PluginBinary("bare AOT Kestrel gRPC host (floor)", settings.BareHost);
        var aot = new PluginBinary("provider, Native AOT (ships)", settings.AotProvider);
        var jit = new PluginBinary("provider, JIT", settings.JitProvider);
        var report = new BenchReport
        {
            ColdStartFloorLabel = bare.Label,
            ShippedLabel = aot.Label,
            ThroughputFloorLabel = bare.Label,
        };
        report.Machine.AddRange(MachineInfo.Describe());
        report.Machine.Add($"Plugins started in {settings.WorkingDirectory} (the engine starts them in the project directory)");
        if (settings.MicroReport is { } micro && File.Exists(micro))
        {
            report.MicroReport = await File.ReadAllTextAsync(micro, ct);
        }

        report.Binaries.Add((bare.Label, new FileInfo(bare.Path).Length));
        report.Binaries.Add((aot.Label, new FileInfo(aot.Path).Length));
        report.Binaries.Add((jit.Label + " (apphost + IL of the publish folder)", DirectorySize(Path.GetDirectoryName(jit.Path)!)));

        if (settings.Runs("coldstart"))
        {
            Progress($"cold start: {settings.ColdStartRuns} runs × 3 binaries");
            report.ColdStart.AddRange(await ColdStartBenchmark.RunAsync([bare, aot, jit], settings.ColdStartRuns, ct));
        }

        if (settings.Runs("throughput"))
        {
            int[] concurrencies = [1, 10];
            foreach (var binary in new[] { bare, aot, jit })
            {
                Progress($"throughput: {binary.Label}");
                await using var emulator = await EmulatorHost.StartAsync(rateLimitPerMinute: null, TimeSpan.Zero, ct);
                await using var plugin = await PluginProcess.StartAsync(binary.Path, environment: null, ct);
                var driver = new EngineDriver(plugin.Client);
                var isProvider = binary != bare;
                if (isProvider)
                {
                    await driver.ConfigureAsync(emulator.BaseUrl, EmulatorHost.Token, EmulatorHost.Organization, ct);
                }

                report.Throughput.AddRange(await ThroughputBenchmark.RunAsync(
                    binary.Label, driver, isProvider, concurrencies, settings.ThroughputCalls, settings.ThroughputRounds, ct));
            }
        }

        if (settings.Runs("lifecycle"))
        {
            // Unmeasured: JIT-compiles the harness's client and the in-process emulator before the first floor run.
            Progress("lifecycle: warm-up");
            _ = await LifecycleBenchmark.RunFloorAsync(Math.Min(200, settings.Portals), settings.Parallelism[0], TimeSpan.Zero, ct);

            foreach (var latencyMs in settings.ApiLatencyMs)
            {
                var latency = TimeSpan.FromMilliseconds(latencyMs);
                foreach (var parallelism in settings.Parallelism)
                {
                    var runs = new Dictionary<string, List<LifecycleRun>>(StringComparer.Ordinal)
                    {
                        [aot.Label] = [], [jit.Label] = [], [LifecycleBenchmark.FloorLabel] = [],
                    };
                    for (var repeat = 0; repeat < settings.LifecycleRepeats; repeat++)
                    {
                        Progress($"lifecycle: {settings.Portals} portals, API latency {latencyMs} ms, parallelism {parallelism}, repeat {repeat + 1}/{settings.LifecycleRepeats}");
                        Record(runs[LifecycleBenchmark.FloorLabel], LifecycleBenchmark.FloorLabel,
                            await LifecycleBenchmark.RunFloorAsync(settings.Portals, parallelism, latency, ct));
                        Record(runs[aot.Label], aot.Label,
                            await LifecycleBenchmark.RunProviderAsync(aot, settings.Portals, parallelism, null, latency, skipRefresh: false, ct));
                        Record(runs[jit.Label], jit.Label,
                            await LifecycleBenchmark.RunProviderAsync(jit, settings.Portals, parallelism, null, latency, skipRefresh: false, ct));
                    }

                    foreach (var (label, list) in runs)
                    {
                        report.Lifecycle.Add(new LifecycleResult(
                            label, settings.Portals, latencyMs, parallelism, list.Count,
                            Stats.Median(list.Select(r => r.UpSeconds)),
                            Stats.Median(list.Select(r => r.RefreshSeconds)),
                            Stats.Median(list.Select(r => r.DestroySeconds)),
                            Stats.Median(list.Select(r => r.TotalSeconds)),
                            list.Sum(r => r.Failures),
                            Stats.Median(list.Select(r => r.PeakRssMiB))));
                    }
                }
            }
        }

        if (settings.Runs("ratelimit"))
        {
            Progress($"rate-limited: {settings.RateLimitedPortals} portals at {settings.RateLimitPerMinute}/min (real time: about {2.0 * settings.RateLimitedPortals / settings.RateLimitPerMinute:F1} min at most)");
            report.RateLimited.Add(await RateLimitedBenchmark.RunAsync(
                aot, settings.RateLimitedPortals, parallelism: 10, settings.RateLimitPerMinute, ct));
        }

        return new BenchReportRun(report, clock.Elapsed);
    }

    private static Settings ParseArgs(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var quick = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--quick")
            {
                quick = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"unexpected argument '{args[i]}' (see the usage in bench/README.md)");
            }
        }

        string Required(string key) => values.TryGetValue(key, out var v)
            ? Path.GetFullPath(v)
            : throw new ArgumentException($"--{key} <binary> is required");
        int Int(string key, int fallback) => values.TryGetValue(key, out var v)
            ? int.Parse(v, CultureInfo.InvariantCulture)
            : fallback;

        int[] Ints(string key, int[] fallback) => values.TryGetValue(key, out var v)
            ? [.. v.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture))]
            : fallback;

        return new Settings
        {
            BareHost = Required("bare"),
            AotProvider = Required("aot"),
            JitProvider = Required("jit"),
            Output = values.GetValueOrDefault("out", "bench/RESULTS.md"),
            ColdStartRuns = Int("cold-runs", quick ? 5 : 20),
            ThroughputCalls = Int("calls", quick ? 500 : 2000),
            ThroughputRounds = quick ? 1 : 3,
            Portals = Int("portals", quick ? 200 : 1000),
            LifecycleRepeats = Int("repeats", quick ? 1 : 3),
            RateLimitPerMinute = Int("rate-limit", 200),
            RateLimitedPortals = Int("rate-portals", 150),
            Parallelism = Ints("parallelism", [10, 32]),
            ApiLatencyMs = Ints("latency-ms", [0, 25]),
            MicroReport = values.GetValueOrDefault("micro-report"),
            WorkingDirectory = Path.GetFullPath(values.GetValueOrDefault("cwd", Environment.CurrentDirectory)),
            Only = values.TryGetValue("only", out var only)
                ? new HashSet<string>(only.Split(','), StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal),
        };
    }

    private static void Record(List<LifecycleRun> runs, string label, LifecycleRun run)
    {
        runs.Add(run);
        Progress($"  {label}: up {run.UpSeconds:F2} s, refresh {run.RefreshSeconds:F2} s, destroy {run.DestroySeconds:F2} s, " +
                 $"{run.Failures} failed, peak RSS {run.PeakRssMiB:F1} MiB");
    }

    private static long DirectorySize(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    private static void Progress(string message) =>
        Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
