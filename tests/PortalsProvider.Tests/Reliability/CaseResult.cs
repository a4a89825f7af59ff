using Grpc.Core;

namespace PortalsProvider.Tests.Reliability;

/// <summary>One matrix case as measured: the outcome, the gRPC status, the message the user would read, and how
/// many HTTP requests reached the emulator.</summary>
internal sealed record CaseResult(
    MatrixOperation Operation,
    MatrixFault Fault,
    CaseOutcome Outcome,
    StatusCode Code,
    string Message,
    int Requests)
{
    /// <summary>The matrix cell: outcome, gRPC code, request count.</summary>
    public string Cell => Outcome switch
    {
        CaseOutcome.Success => $"ok · {Requests} req",
        CaseOutcome.PartialFailure => $"partial: ID kept, replace hint · {Requests} req",
        CaseOutcome.NotFound => $"not found · {Requests} req",
        _ => $"{GrpcName(Code)} · {Requests} req",
    };

    /// <summary>The canonical gRPC spelling (<c>DEADLINE_EXCEEDED</c>).</summary>
    public static string GrpcName(StatusCode code) =>
        string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
