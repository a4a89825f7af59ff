using System.Collections.Immutable;
using Pulumi.Serialization;

namespace Pulumi.BuildkitePortals;

/// <summary>
/// The result of <see cref="GetPortal"/>.
/// </summary>
[OutputType]
public sealed class GetPortalResult
{
    /// <summary>
    /// The CIDR blocks (IPv4 or IPv6) allowed to invoke the portal. Order does not matter. Omitted: any address may invoke it; removing it clears the allow-list.
    /// </summary>
    public readonly ImmutableArray<string> AllowedIpAddresses;

    /// <summary>
    /// When the portal was created (ISO 8601, exactly as the API returned it).
    /// </summary>
    public readonly string? CreatedAt;

    /// <summary>
    /// The user who created the portal.
    /// </summary>
    public readonly Outputs.PortalCreatedBy? CreatedBy;

    /// <summary>
    /// A description of the portal. Removing it clears it.
    /// </summary>
    public readonly string? Description;

    /// <summary>
    /// The portal's display name. Must not be blank.
    /// </summary>
    public readonly string Name;

    /// <summary>
    /// The UUID of the organization that owns the portal.
    /// </summary>
    public readonly string? OrganizationUuid;

    /// <summary>
    /// The GraphQL executable document the portal runs. It is syntax-checked at preview time; a document may define several operations (callers pick one with `?operation_name=`).
    /// </summary>
    public readonly string Query;

    /// <summary>
    /// The portal's URL segment (`^[a-z0-9][a-z0-9-]*$`, at most 100 characters). When omitted, Buildkite derives it from the name. Changing it renames the portal in place (callers must use the new URL); it never replaces the portal.
    /// </summary>
    public readonly string Slug;

    /// <summary>
    /// The invocation endpoint callers POST to: `https://portal.buildkite.com/organizations/{organization}/portals/{slug}`. Follows slug renames.
    /// </summary>
    public readonly string Url;

    /// <summary>
    /// Whether organization members may invoke the portal with their own user-scoped tokens. Defaults to `false`.
    /// </summary>
    public readonly bool UserInvokable;

    /// <summary>
    /// The portal's UUID; also its resource ID, stable across slug renames.
    /// </summary>
    public readonly string Uuid;

    [OutputConstructor]
    private GetPortalResult(
        ImmutableArray<string> allowedIpAddresses,
        string? createdAt,
        Outputs.PortalCreatedBy? createdBy,
        string? description,
        string name,
        string? organizationUuid,
        string query,
        string slug,
        string url,
        bool userInvokable,
        string uuid)
    {
        AllowedIpAddresses = allowedIpAddresses;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
        Description = description;
        Name = name;
        OrganizationUuid = organizationUuid;
        Query = query;
        Slug = slug;
        Url = url;
        UserInvokable = userInvokable;
        Uuid = uuid;
    }
}
