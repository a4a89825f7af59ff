namespace PortalsProvider.Portals;

/// <summary>One call of resource discovery (the Pulumi <c>List</c> RPC), front-end neutral.</summary>
/// <param name="NameContains">Filter: only portals whose name contains this (case-insensitive); null: all.</param>
/// <param name="Limit">Most results over the whole listing, continuations included; 0: no limit.</param>
/// <param name="PageSize">Most results in this one call; 0: every remaining result (up to the limit).</param>
/// <param name="ContinuationToken">Where a previous call stopped; null or empty: from the start.</param>
internal sealed record PortalListRequest(string? NameContains, long Limit, long PageSize, string? ContinuationToken);
