using System.Collections.Concurrent;
using System.Text;

namespace PortalsProvider.Tests.Reliability;

/// <summary>One emulator and one in-process provider for the whole matrix (cases reset the emulator between
/// them); on disposal the measured matrix is written to <c>artifacts/reliability/matrix.md</c>.</summary>
public sealed class FaultMatrixFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<(MatrixOperation, MatrixFault), CaseResult> results = new();

    internal EmulatorHost Host { get; private set; } = null!;

    internal void Add(CaseResult result) => results[(result.Operation, result.Fault)] = result;

    public async Task InitializeAsync() => Host = await EmulatorHost.StartAsync(maxRetries: 3);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (!results.IsEmpty)
        {
            ReliabilityArtifacts.Write("matrix.md", Render());
        }
    }

    private string Render()
    {
        var ops = System.Enum.GetValues<MatrixOperation>();
        var sb = new StringBuilder();
        sb.Append("| fault \\ operation |");
        foreach (var op in ops)
        {
            sb.Append(' ').Append(op).Append(" |");
        }

        sb.AppendLine().Append("|---|").AppendLine(string.Concat(ops.Select(_ => "---|")));
        foreach (var fault in System.Enum.GetValues<MatrixFault>())
        {
            sb.Append("| ").Append(fault).Append(" |");
            foreach (var op in ops)
            {
                sb.Append(' ').Append(results.TryGetValue((op, fault), out var r) ? r.Cell : "not run").Append(" |");
            }

            sb.AppendLine();
        }

        sb.AppendLine().AppendLine($"{results.Count} cases measured. Messages of every case that did not succeed:").AppendLine();
        foreach (var r in results.Values.Where(r => r.Outcome is not CaseOutcome.Success).OrderBy(r => r.Fault).ThenBy(r => r.Operation))
        {
            var text = r.Outcome == CaseOutcome.NotFound ? "(empty ID: the engine reports that the resource does not exist)" : r.Message;
            sb.AppendLine($"- **{r.Operation} × {r.Fault}** `{CaseResult.GrpcName(r.Code)}`: {text.Replace("|", "\\|", StringComparison.Ordinal)}");
        }

        return sb.ToString();
    }
}
