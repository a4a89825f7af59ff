namespace PortalsProvider.Bench;

/// <summary>Spawn → port line → first GetPluginInfo answered, over repeated runs of one binary.</summary>
internal sealed record ColdStartResult(string Label, int Runs, double MedianMs, double MinMs, double P90Ms, double MedianPortLineMs, double MedianCpuMs, double MedianRssMiB);
