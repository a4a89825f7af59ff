using System.Collections.Immutable;
using PortalsProvider.Buildkite;

namespace PortalsProvider.Portals;

/// <summary>The result of resolving provider configuration: client options when complete, else what is wrong.</summary>
/// <param name="Options">Null when <see cref="Failures"/> or <see cref="Missing"/> is non-empty (or a value is unknown).</param>
/// <param name="Failures">Invalid values, keyed by config key.</param>
/// <param name="Missing">Required keys given neither in config nor in their environment variable.</param>
/// <param name="HasUnknowns">A value is unknown (preview): nothing can be decided yet.</param>
internal sealed record ConfigResolution(
    BuildkiteClientOptions? Options,
    ImmutableArray<CheckFailure> Failures,
    ImmutableArray<ConfigProperty> Missing,
    bool HasUnknowns);
