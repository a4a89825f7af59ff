namespace PortalsProvider.Bench;

/// <summary>A finished harness run: the report and how long the harness took.</summary>
internal sealed record BenchReportRun(BenchReport Report, TimeSpan Elapsed)
{
    public string Markdown(string command, string? keptAnalysis) => Report.Render(command, keptAnalysis, Elapsed);
}
