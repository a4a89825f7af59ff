using PortalsProvider.Terraform.Protocol;

namespace PortalsProvider.Terraform;

/// <summary>A value plus the diagnostics that go with it (a partial create carries both a state and an error).</summary>
internal sealed record TfResult(CtyValue Value, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static TfResult Of(CtyValue value) => new(value, []);
}
