using Pulumi.Serialization;

namespace Pulumi.BuildkitePortals;

/// <summary>
/// The set of arguments for constructing a <see cref="Portal"/> resource.
/// </summary>
public sealed class PortalArgs : global::Pulumi.ResourceArgs
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
    /// A description of the portal. Removing it clears it.
    /// </summary>
    [Input("description")]
    public Input<string>? Description { get; set; }

    /// <summary>
    /// The portal's display name. Must not be blank.
    /// </summary>
    [Input("name", required: true)]
    public Input<string> Name { get; set; } = null!;

    /// <summary>
    /// The GraphQL executable document the portal runs. It is syntax-checked at preview time; a document may define several operations (callers pick one with `?operation_name=`).
    /// </summary>
    [Input("query", required: true)]
    public Input<string> Query { get; set; } = null!;

    /// <summary>
    /// The portal's URL segment (`^[a-z0-9][a-z0-9-]*$`, at most 100 characters). When omitted, Buildkite derives it from the name. Changing it renames the portal in place (callers must use the new URL); it never replaces the portal.
    /// </summary>
    [Input("slug")]
    public Input<string>? Slug { get; set; }

    /// <summary>
    /// Whether organization members may invoke the portal with their own user-scoped tokens. Defaults to `false`.
    /// </summary>
    [Input("userInvokable")]
    public Input<bool>? UserInvokable { get; set; }

    /// <summary>Creates an empty set of arguments; set the required ones before use.</summary>
    public PortalArgs()
    {
    }

    /// <summary>An empty set of arguments.</summary>
    public static new PortalArgs Empty => new PortalArgs();
}
