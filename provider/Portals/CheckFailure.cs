namespace PortalsProvider.Portals;

/// <summary>One validation failure: the property path (<c>allowedIpAddresses[1]</c>) and why, with the fix.</summary>
internal sealed record CheckFailure(string Property, string Reason);
