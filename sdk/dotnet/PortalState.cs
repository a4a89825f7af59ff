using Pulumi.Serialization;

namespace Pulumi.BuildkitePortals;

/// <summary>
/// The state used to qualify the lookup of an existing <see cref="Portal"/> with <see cref="Portal.Get"/>.
/// </summary>
public sealed class PortalState : global::Pulumi.ResourceArgs
{
    [Input("allowedIpAddresses")]
    private InputList<string>? _allowedIpAddresses;

    /// <summary>
    /// The CIDR blocks (IPv4 or IPv6) allowed to invoke the portal. Order does not matter. Omitted: any address may invoke it; removing it clears the allow-list.
    /// </summary>
    public InputList<string> AllowedIpAddresses
    {
        get => _allowedIpAddresses ?? (_allowedIpAddresses = new InputList<string>());
        set => _allowedIpAddresses = value;
    }

    /// <summary>
    /// When the portal was created (ISO 8601, exactly as the API returned it).
    /// </summary>
    [Input("createdAt")]
    public Input<string>? CreatedAt { get; set; }

    /// <summary>
    /// The user who created the portal.
    /// </summary>
    [Input("createdBy")]
    public Input<Inputs.PortalCreatedByGetArgs>? CreatedBy { get; set; }

    /// <summary>
    /// A description of the portal. Removing it clears it.
    /// </summary>
    [Input("description")]
    public Input<string>? Description { get; set; }

    /// <summary>
    /// The portal's display name. Must not be blank.
    /// </summary>
    [Input("name")]
    public Input<string>? Name { get; set; }

    /// <summary>
    /// The UUID of the organization that owns the portal.
    /// </summary>
    [Input("organizationUuid")]
    public Input<string>? OrganizationUuid { get; set; }

    /// <summary>
    /// The GraphQL executable document the portal runs. It is syntax-checked at preview time; a document may define several operations (callers pick one with `?operation_name=`).
    /// </summary>
    [Input("query")]
    public Input<string>? Query { get; set; }

    /// <summary>
    /// The portal's URL segment (`^[a-z0-9][a-z0-9-]*$`, at most 100 characters). When omitted, Buildkite derives it from the name. Changing it renames the portal in place (callers must use the new URL); it never replaces the portal.
    /// </summary>
    [Input("slug")]
    public Input<string>? Slug { get; set; }

    [Input("token")]
    private Input<string>? _token;

    /// <summary>
    /// The portal's long-lived service token. Buildkite returns it only when the portal is created, so it is absent after an import; rotate it by replacing the portal (for example `pulumi up --replace &lt;urn&gt;`).
    /// </summary>
    public Input<string>? Token
    {
        get => _token;
        set
        {
            var emptySecret = Output.CreateSecret(0);
            _token = Output.Tuple<Input<string>?, int>(value, emptySecret).Apply(t => t.Item1);
        }
    }

    /// <summary>
    /// Whether organization members may invoke the portal with their own user-scoped tokens. Defaults to `false`.
    /// </summary>
    [Input("userInvokable")]
    public Input<bool>? UserInvokable { get; set; }

    /// <summary>
    /// The invocation endpoint callers POST to: `https://portal.buildkite.com/organizations/{organization}/portals/{slug}`. Follows slug renames.
    /// </summary>
    [Input("url")]
    public Input<string>? Url { get; set; }

    /// <summary>
    /// The portal's UUID; also its resource ID, stable across slug renames.
    /// </summary>
    [Input("uuid")]
    public Input<string>? Uuid { get; set; }

    /// <summary>Creates an empty state.</summary>
    public PortalState()
    {
    }

    /// <summary>An empty state.</summary>
    public static new PortalState Empty => new PortalState();
}
