namespace PortalsProvider.Portals;

/// <summary>One portal as resource discovery lists it: its ID (the UUID) and its slug.</summary>
internal sealed record PortalListEntry(string Uuid, string Slug);
