namespace PortalsProvider.Bench;

/// <summary>One RPC against one binary at one concurrency: medians over rounds of calls/s, pooled latency percentiles.</summary>
internal sealed record ThroughputResult(string Label, string Rpc, int Concurrency, int Calls, double CallsPerSecond, double P50Ms, double P99Ms);
