using System.Globalization;
using System.Text;

namespace PortalsProvider.Bench;

/// <summary>Everything one harness run measured, rendered as bench/RESULTS.md.</summary>
internal sealed class BenchReport
{
    /// <summary>Everything below this line in an existing RESULTS.md is hand-written analysis and survives re-runs.</summary>
    public const string AnalysisMarker = "<!-- analysis: hand-written, kept across runs -->";

    public const double ColdStartTarget = 1.3;
    public const double LifecycleTarget = 1.25;
    public const double PeakRssTargetMiB = 48;
    public const double RateLimitedTarget = 1.1;

    public List<string> Machine { get; } = [];

    public List<(string Label, long Bytes)> Binaries { get; } = [];

    public List<ColdStartResult> ColdStart { get; } = [];

    public List<ThroughputResult> Throughput { get; } = [];

    public List<LifecycleResult> Lifecycle { get; } = [];

    public List<RateLimitedResult> RateLimited { get; } = [];

    public string? MicroReport { get; set; }

    public string ColdStartFloorLabel { get; set; } = "";

    public string ShippedLabel { get; set; } = "";

    public string ThroughputFloorLabel { get; set; } = "";

    public string Render(string command, string? keptAnalysis, TimeSpan harnessTime)
    {
        var md = new StringBuilder();
        Line(md, "# Benchmark results");
        Line(md);
        Line(md, $"Latest run: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, commit `{Environment.GetEnvironmentVariable("BENCH_COMMIT") ?? "?"}`, " +
                 $"`{command}` ({harnessTime.TotalMinutes:F1} min). Medians over repeated runs; ratios are against the baseline " +
                 "measured in the same run. Never part of pass/fail.");
        Line(md);
        Line(md, "## Machine");
        Line(md);
        foreach (var line in Machine)
        {
            Line(md, $"- {line}");
        }

        foreach (var (label, bytes) in Binaries)
        {
            Line(md, $"- {label}: {bytes / 1024.0 / 1024.0:F1} MiB on disk");
        }

        Line(md);
        RenderTargets(md);
        RenderColdStart(md);
        RenderThroughput(md);
        RenderLifecycle(md);
        RenderRateLimited(md);
        RenderMicro(md);

        Line(md, AnalysisMarker);
        if (!string.IsNullOrWhiteSpace(keptAnalysis))
        {
            md.Append(keptAnalysis.TrimStart('\n'));
        }
        else
        {
            Line(md);
            Line(md, "## Analysis");
            Line(md);
            Line(md, "(none yet)");
        }

        return md.ToString();
    }

    private void RenderTargets(StringBuilder md)
    {
        Line(md, "## Targets (issue 6)");
        Line(md);
        Line(md, "| target | measured | met |");
        Line(md, "|---|---|---|");
        var floor = ColdStart.FirstOrDefault(c => c.Label == ColdStartFloorLabel);
        var shipped = ColdStart.FirstOrDefault(c => c.Label == ShippedLabel);
        if (floor is not null && shipped is not null)
        {
            var ratio = shipped.MedianMs / floor.MedianMs;
            Line(md, $"| cold start ≤ {F(ColdStartTarget)}× bare AOT host | {F(shipped.MedianMs)} ms vs {F(floor.MedianMs)} ms = **{F(ratio)}×** | {Met(ratio <= ColdStartTarget)} |");
        }

        foreach (var (latency, parallelism) in Lifecycle.Select(l => (l.ApiLatencyMs, l.Parallelism)).Distinct())
        {
            var f = Lifecycle.FirstOrDefault(l => l.ApiLatencyMs == latency && l.Parallelism == parallelism && l.Label == LifecycleBenchmark.FloorLabel);
            var p = Lifecycle.FirstOrDefault(l => l.ApiLatencyMs == latency && l.Parallelism == parallelism && l.Label == ShippedLabel);
            if (f is not null && p is not null)
            {
                var ratio = p.TotalSeconds / f.TotalSeconds;
                Line(md, $"| {p.Portals}-portal lifecycle ≤ {F(LifecycleTarget)}× direct HTTP, API latency {latency} ms, parallelism {parallelism} | {F(p.TotalSeconds)} s vs {F(f.TotalSeconds)} s = **{F(ratio)}×**, {p.Failures} failed | {Met(ratio <= LifecycleTarget && p.Failures == 0)} |");
            }
        }

        var peaks = Lifecycle.Where(l => l.Label == ShippedLabel).ToList();
        if (peaks.Count > 0)
        {
            var worst = peaks.Max(l => l.PeakRssMiB);
            Line(md, $"| peak RSS ≤ {F(PeakRssTargetMiB)} MiB during the lifecycle | **{F(worst)} MiB** (worst configuration, median of repeats) | {Met(worst <= PeakRssTargetMiB)} |");
        }

        foreach (var r in RateLimited)
        {
            var ratio = r.TotalSeconds / r.IdealSeconds;
            Line(md, $"| rate-limited ≤ {F(RateLimitedTarget)}× ideal pacing, 0 failures | {F(r.TotalSeconds)} s vs {F(r.IdealSeconds)} s = **{F(ratio)}×**, {r.Failures} failed | {Met(ratio <= RateLimitedTarget && r.Failures == 0)} |");
        }

        Line(md);
    }

    private void RenderColdStart(StringBuilder md)
    {
        if (ColdStart.Count == 0)
        {
            return;
        }

        var floor = ColdStart.First(c => c.Label == ColdStartFloorLabel);
        Line(md, "## 1. Cold start: spawn → port line → first GetPluginInfo answered");
        Line(md);
        Line(md, $"Fresh process and fresh HTTP/2 connection per run, binaries interleaved, {floor.Runs} runs each after one unmeasured start. " +
                 "Plugin CPU time = on-CPU time of all the plugin's threads when the answer arrived (/proc schedstat): it does not " +
                 "grow with competing load, so it is the steadier comparison on a busy machine.");
        Line(md);
        Line(md, "| binary | median | × bare AOT host | min | p90 | port line printed (median) | plugin CPU time to answer (median) | × floor CPU | RSS after GetPluginInfo |");
        Line(md, "|---|---|---|---|---|---|---|---|---|");
        foreach (var c in ColdStart)
        {
            Line(md, $"| {c.Label} | {F(c.MedianMs)} ms | {F(c.MedianMs / floor.MedianMs)}× | {F(c.MinMs)} ms | {F(c.P90Ms)} ms | {F(c.MedianPortLineMs)} ms | {F(c.MedianCpuMs)} ms | {F(c.MedianCpuMs / floor.MedianCpuMs)}× | {F(c.MedianRssMiB)} MiB |");
        }

        Line(md);
    }

    private void RenderThroughput(StringBuilder md)
    {
        if (Throughput.Count == 0)
        {
            return;
        }

        Line(md, "## 2. Check + Diff over gRPC");
        Line(md);
        Line(md, "Engine-shaped requests with realistic inputs (multi-line GraphQL document with fragments and directives, description, " +
                 "3-entry IPv4/IPv6 allow-list, slug; Diff against full outputs with a secret token and one changed property). " +
                 "One HTTP/2 connection, N callers in flight; the floor is the bare AOT host's GetPluginInfo over the same connection type.");
        Line(md);
        Line(md, "| binary | RPC | in flight | calls/s | × floor calls/s | p50 | p99 | p50 × floor |");
        Line(md, "|---|---|---|---|---|---|---|---|");
        foreach (var t in Throughput)
        {
            var floor = Throughput.FirstOrDefault(f => f.Label == ThroughputFloorLabel && f.Concurrency == t.Concurrency);
            var rateRatio = floor is null ? "" : $"{F(t.CallsPerSecond / floor.CallsPerSecond)}×";
            var p50Ratio = floor is null ? "" : $"{F(t.P50Ms / floor.P50Ms)}×";
            Line(md, $"| {t.Label} | {t.Rpc} | {t.Concurrency} | {t.CallsPerSecond:F0} | {rateRatio} | {t.P50Ms:F3} ms | {t.P99Ms:F3} ms | {p50Ratio} |");
        }

        Line(md);
    }

    private void RenderLifecycle(StringBuilder md)
    {
        if (Lifecycle.Count == 0)
        {
            return;
        }

        var first = Lifecycle[0];
        Line(md, $"## 3./4. {first.Portals}-portal up → refresh → destroy, and the provider's peak RSS");
        Line(md);
        Line(md, "up = Check + Create per portal, refresh = Read, destroy = Delete, against a fresh in-process emulator per run; " +
                 "the floor makes the same POST / GET / DELETE calls with the provider's own Buildkite HTTP client at the same " +
                 $"parallelism. Plugin start-up is excluded (it is figure 1). Medians of {first.Repeats} runs each, interleaved. " +
                 "Peak RSS = the provider process's VmHWM at the end of the run. API latency 0 ms: the emulator answers at once, so " +
                 "the provider's own cost (gRPC hop, decoding, Check) is all that separates it from the floor; with a per-request " +
                 "latency (the emulator's Delay fault, wall clock) the figures approach what an API's own latency leaves visible.");
        Line(md);
        Line(md, "| API latency | parallelism | run | up | refresh | destroy | total | × floor | failed ops | provider peak RSS |");
        Line(md, "|---|---|---|---|---|---|---|---|---|---|");
        foreach (var l in Lifecycle)
        {
            var floor = Lifecycle.FirstOrDefault(f => f.ApiLatencyMs == l.ApiLatencyMs && f.Parallelism == l.Parallelism && f.Label == LifecycleBenchmark.FloorLabel);
            var ratio = floor is null ? "" : $"{F(l.TotalSeconds / floor.TotalSeconds)}×";
            var rss = l.PeakRssMiB > 0 ? $"{F(l.PeakRssMiB)} MiB" : "–";
            Line(md, $"| {l.ApiLatencyMs} ms | {l.Parallelism} | {l.Label} | {F(l.UpSeconds)} s | {F(l.RefreshSeconds)} s | {F(l.DestroySeconds)} s | {F(l.TotalSeconds)} s | {ratio} | {l.Failures} | {rss} |");
        }

        Line(md);
    }

    private void RenderRateLimited(StringBuilder md)
    {
        if (RateLimited.Count == 0)
        {
            return;
        }

        Line(md, "## 5. Rate-limited run");
        Line(md);
        Line(md, "The emulator enforces its per-minute limit in real time (fixed 60-s window opened by the first request, 429 with " +
                 "`RateLimit-Reset` beyond it); N portals are created (Check + Create) then deleted (2N API requests) through the " +
                 "provider. Ideal pacing = requests / limit; the fixed-window floor is the earliest a fixed window can admit the last request.");
        Line(md);
        Line(md, "| binary | portals | parallelism | limit/min | API requests | total | ideal (N/limit) | × ideal | fixed-window floor | failed ops |");
        Line(md, "|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in RateLimited)
        {
            Line(md, $"| {r.Label} | {r.Portals} | {r.Parallelism} | {r.LimitPerMinute} | {r.ApiRequests} | {F(r.TotalSeconds)} s | {F(r.IdealSeconds)} s | {F(r.TotalSeconds / r.IdealSeconds)}× | {F(r.FixedWindowFloorSeconds)} s | {r.Failures} |");
        }

        Line(md);
    }

    private void RenderMicro(StringBuilder md)
    {
        if (MicroReport is null)
        {
            return;
        }

        Line(md, "## Micro: in-process Check / Diff (BenchmarkDotNet)");
        Line(md);
        Line(md, "The provider's Check and Diff handlers called in-process (no gRPC, no process boundary) on the same inputs as figure 2.");
        Line(md);
        md.Append(MicroReport.Trim()).Append('\n');
        Line(md);
    }

    private static string Met(bool met) => met ? "yes" : "**no**";

    private static string F(double value) =>
        value >= 100 ? value.ToString("F0", CultureInfo.InvariantCulture)
        : value >= 10 ? value.ToString("F1", CultureInfo.InvariantCulture)
        : value.ToString("F2", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
