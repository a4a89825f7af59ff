namespace PortalsProvider.Bench;

/// <summary>Order statistics over samples (nearest-rank percentiles: no interpolation between samples).</summary>
internal static class Stats
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 50);

    public static double Percentile(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
