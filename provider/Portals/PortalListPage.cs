using System.Collections.Immutable;

namespace PortalsProvider.Portals;

/// <summary>One call's worth of discovered portals and, when more remain within the limit, where to go on.</summary>
internal sealed record PortalListPage(ImmutableArray<PortalListEntry> Entries, string? ContinuationToken);
