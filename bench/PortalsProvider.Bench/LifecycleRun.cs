namespace PortalsProvider.Bench;

/// <summary>One lifecycle run: phase wall times, failed operations, and the provider's peak RSS (0 for the floor).</summary>
internal sealed record LifecycleRun(double UpSeconds, double RefreshSeconds, double DestroySeconds, int Failures, double PeakRssMiB)
{
    public double TotalSeconds => UpSeconds + RefreshSeconds + DestroySeconds;
}
