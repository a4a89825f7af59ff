using PortalsProvider.Portals;

namespace PortalsProvider.Terraform;

/// <summary>Terraform attribute names of the portal, derived from the property table.</summary>
internal static class PortalAttributes
{
    public static readonly string Id = TerraformSchema.IdAttribute;
    public static readonly string Name = Of(PortalProperties.Name);
    public static readonly string Query = Of(PortalProperties.Query);
    public static readonly string Slug = Of(PortalProperties.Slug);
    public static readonly string Description = Of(PortalProperties.Description);
    public static readonly string AllowedIpAddresses = Of(PortalProperties.AllowedIpAddresses);
    public static readonly string UserInvokable = Of(PortalProperties.UserInvokable);
    public static readonly string OrganizationUuid = Of(PortalProperties.OrganizationUuid);
    public static readonly string CreatedAt = Of(PortalProperties.CreatedAt);
    public static readonly string CreatedBy = Of(PortalProperties.CreatedBy);
    public static readonly string Url = Of(PortalProperties.Url);
    public static readonly string Token = Of(PortalProperties.Token);

    /// <summary>Attributes only the server assigns: unknown until a create completes.</summary>
    public static readonly IReadOnlyList<string> ServerAssigned = [Id, OrganizationUuid, CreatedAt, CreatedBy, Url, Token];

    /// <summary>The Terraform attribute of a property (by its table name).</summary>
    public static string Of(string propertyName) => TerraformSchema.AttributeName(PortalProperties.Get(propertyName));

    /// <summary>The property (table name) of a Terraform attribute, or null.</summary>
    public static PortalProperty? PropertyOf(string attribute) =>
        PortalProperties.All.FirstOrDefault(p => TerraformSchema.AttributeName(p) == attribute);
}
