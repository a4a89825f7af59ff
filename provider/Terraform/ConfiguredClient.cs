using PortalsProvider.Buildkite;

namespace PortalsProvider.Terraform;

/// <summary>What ConfigureProvider produced: the resolved settings and the API client for them.</summary>
internal sealed record ConfiguredClient(BuildkiteClientOptions Options, IPortalsApi Api);
