namespace PortalsProvider.Portals;

/// <summary>A validated <c>getPortal</c> request: exactly one of <see cref="Slug"/> or <see cref="Uuid"/>.</summary>
internal sealed record PortalLookupRequest(string? Slug, string? Uuid)
{
    /// <summary>What was looked for, as messages name it: <c>slug "deploys"</c> or <c>uuid "0190…"</c>.</summary>
    public string Describe() => Slug is not null ? $"slug \"{Slug}\"" : $"uuid \"{Uuid}\"";
}
