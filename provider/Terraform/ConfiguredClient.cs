using PortalsProvider.Buildkite;
using PortalsProvider.Portals;

namespace PortalsProvider.Terraform;

/// <summary>What ConfigureProvider produced: the resolved settings and the portal service over their client.</summary>
internal sealed record ConfiguredClient(BuildkiteClientOptions Options, PortalService Service);
