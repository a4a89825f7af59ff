using Pulumi.Serialization;

namespace Pulumi.BuildkitePortals.Outputs;

/// <summary>
/// The user who created a portal.
/// </summary>
[OutputType]
public sealed class PortalCreatedBy
{
    /// <summary>
    /// The URL of the user's avatar.
    /// </summary>
    public readonly string? AvatarUrl;

    /// <summary>
    /// When the user was created (as the API returned it).
    /// </summary>
    public readonly string? CreatedAt;

    /// <summary>
    /// The user's email address.
    /// </summary>
    public readonly string? Email;

    /// <summary>
    /// The user's GraphQL ID.
    /// </summary>
    public readonly string? GraphqlId;

    /// <summary>
    /// The user's UUID.
    /// </summary>
    public readonly string? Id;

    /// <summary>
    /// The user's name.
    /// </summary>
    public readonly string? Name;

    [OutputConstructor]
    private PortalCreatedBy(
        string? avatarUrl,
        string? createdAt,
        string? email,
        string? graphqlId,
        string? id,
        string? name)
    {
        AvatarUrl = avatarUrl;
        CreatedAt = createdAt;
        Email = email;
        GraphqlId = graphqlId;
        Id = id;
        Name = name;
    }
}
