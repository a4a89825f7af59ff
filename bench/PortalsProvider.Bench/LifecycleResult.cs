namespace PortalsProvider.Bench;

/// <summary>Medians over repeats of one 1000-portal up → refresh → destroy at one parallelism.</summary>
internal sealed record LifecycleResult(
    string Label, int Portals, int ApiLatencyMs, int Parallelism, int Repeats, double UpSeconds, double RefreshSeconds, double DestroySeconds,
    double TotalSeconds, int Failures, double PeakRssMiB);
