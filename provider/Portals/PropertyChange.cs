namespace PortalsProvider.Portals;

/// <summary>One changed input property (top-level name; it is also the detailed-diff path).</summary>
internal sealed record PropertyChange(string Property, ChangeKind Kind);
