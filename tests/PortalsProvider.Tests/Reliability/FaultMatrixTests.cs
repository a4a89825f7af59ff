using Xunit.Abstractions;

namespace PortalsProvider.Tests.Reliability;

/// <summary>Issue 4 §1: every operation under every fault, through gRPC, real client, emulator. Each case checks
/// the invariants (<see cref="FaultMatrix.RunAsync"/>) and the outcome the contract calls for.</summary>
public sealed class FaultMatrixTests(FaultMatrixFixture fixture, ITestOutputHelper output) : IClassFixture<FaultMatrixFixture>
{
    public static TheoryData<MatrixOperation, MatrixFault> Cases()
    {
        var data = new TheoryData<MatrixOperation, MatrixFault>();
        foreach (var (op, fault) in FaultMatrix.AllCases)
        {
            data.Add(op, fault);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Operation_UnderFault_SucceedsOrFailsClearlyWithoutOrphans(MatrixOperation operation, MatrixFault fault)
    {
        var n = ((int)operation * 100) + (int)fault;
        var result = await FaultMatrix.RunAsync(fixture.Host.Client, fixture.Host.Emulator, operation, fault, n, _ => { });
        fixture.Add(result);
        output.WriteLine($"{operation} × {fault}: {result.Cell} {result.Message}");

        var (expected, code) = FaultMatrix.Expected(operation, fault);
        Assert.Equal(expected, result.Outcome);
        Assert.Equal(code, result.Code);
    }
}
