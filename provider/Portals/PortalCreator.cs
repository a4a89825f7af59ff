namespace PortalsProvider.Portals;

/// <summary>The user who created a portal (<c>createdBy</c>); fields as the API returned them.</summary>
internal sealed record PortalCreator(
    string? Id,
    string? GraphqlId,
    string? Name,
    string? Email,
    string? AvatarUrl,
    string? CreatedAt);
