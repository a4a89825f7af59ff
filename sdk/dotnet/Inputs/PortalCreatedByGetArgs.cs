using Pulumi.Serialization;

namespace Pulumi.BuildkitePortals.Inputs;

/// <summary>
/// The user who created a portal (state form, for <see cref="PortalState"/>).
/// </summary>
public sealed class PortalCreatedByGetArgs : global::Pulumi.ResourceArgs
{
    /// <summary>
    /// The URL of the user's avatar.
    /// </summary>
    [Input("avatarUrl")]
    public Input<string>? AvatarUrl { get; set; }

    /// <summary>
    /// When the user was created (as the API returned it).
    /// </summary>
    [Input("createdAt")]
    public Input<string>? CreatedAt { get; set; }

    /// <summary>
    /// The user's email address.
    /// </summary>
    [Input("email")]
    public Input<string>? Email { get; set; }

    /// <summary>
    /// The user's GraphQL ID.
    /// </summary>
    [Input("graphqlId")]
    public Input<string>? GraphqlId { get; set; }

    /// <summary>
    /// The user's UUID.
    /// </summary>
    [Input("id")]
    public Input<string>? Id { get; set; }

    /// <summary>
    /// The user's name.
    /// </summary>
    [Input("name")]
    public Input<string>? Name { get; set; }

    /// <summary>Creates an empty value.</summary>
    public PortalCreatedByGetArgs()
    {
    }

    /// <summary>An empty value.</summary>
    public static new PortalCreatedByGetArgs Empty => new PortalCreatedByGetArgs();
}
