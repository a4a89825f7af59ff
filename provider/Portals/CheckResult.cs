using System.Collections.Immutable;

namespace PortalsProvider.Portals;

/// <summary>Check's answer: the inputs to store (secrets and unknowns kept as they came) and every failure.</summary>
internal sealed record CheckResult(PValue.Object Inputs, ImmutableArray<CheckFailure> Failures)
{
    public bool IsValid => Failures.IsEmpty;
}
