namespace PortalsProvider.Bench;

/// <summary>What to run and how often (command-line options of the harness).</summary>
internal sealed record Settings
{
    public required string BareHost { get; init; }

    public required string AotProvider { get; init; }

    public required string JitProvider { get; init; }

    public string Output { get; init; } = "bench/RESULTS.md";

    public int ColdStartRuns { get; init; } = 20;

    public int ThroughputCalls { get; init; } = 2000;

    public int ThroughputRounds { get; init; } = 3;

    public int Portals { get; init; } = 1000;

    public int LifecycleRepeats { get; init; } = 3;

    public int[] Parallelism { get; init; } = [10, 32];

    /// <summary>Emulated API latencies per request for the lifecycle, in ms: 0 lays the provider's own cost bare.</summary>
    public int[] ApiLatencyMs { get; init; } = [0, 25];

    public int RateLimitPerMinute { get; init; } = 200;

    public int RateLimitedPortals { get; init; } = 150;

    /// <summary>A BenchmarkDotNet GitHub-markdown report to embed (scripts/bench.sh runs the micro benchmarks first).</summary>
    public string? MicroReport { get; init; }

    /// <summary>Working directory of every plugin process (<c>--cwd</c>).</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public bool Runs(string part) => Only.Count == 0 || Only.Contains(part);
}
