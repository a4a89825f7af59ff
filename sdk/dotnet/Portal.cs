using System.Collections.Immutable;
using Pulumi.Serialization;

namespace Pulumi.BuildkitePortals;

/// <summary>
/// A Buildkite Portal: a stored GraphQL document exposed at an authenticated URL. Every input is updatable in place; the resource ID is the portal's UUID. Import with a slug or a UUID: `pulumi import buildkite-portals:index:Portal &lt;name&gt; &lt;slug-or-uuid&gt;` (the token cannot be read back after an import).
/// </summary>
[BuildkitePortalsResourceType("buildkite-portals:index:Portal")]
public partial class Portal : global::Pulumi.CustomResource
{
    /// <summary>
    /// The CIDR blocks (IPv4 or IPv6) allowed to invoke the portal. Order does not matter. Omitted: any address may invoke it; removing it clears the allow-list.
    /// </summary>
    [Output("allowedIpAddresses")]
    public Output<ImmutableArray<string>> AllowedIpAddresses { get; private set; } = null!;

    /// <summary>
    /// When the portal was created (ISO 8601, exactly as the API returned it).
    /// </summary>
    [Output("createdAt")]
    public Output<string?> CreatedAt { get; private set; } = null!;

    /// <summary>
    /// The user who created the portal.
    /// </summary>
    [Output("createdBy")]
    public Output<Outputs.PortalCreatedBy?> CreatedBy { get; private set; } = null!;

    /// <summary>
    /// A description of the portal. Removing it clears it.
    /// </summary>
    [Output("description")]
    public Output<string?> Description { get; private set; } = null!;

    /// <summary>
    /// The portal's display name. Must not be blank.
    /// </summary>
    [Output("name")]
    public Output<string> Name { get; private set; } = null!;

    /// <summary>
    /// The UUID of the organization that owns the portal.
    /// </summary>
    [Output("organizationUuid")]
    public Output<string?> OrganizationUuid { get; private set; } = null!;

    /// <summary>
    /// The GraphQL executable document the portal runs. It is syntax-checked at preview time; a document may define several operations (callers pick one with `?operation_name=`).
    /// </summary>
    [Output("query")]
    public Output<string> Query { get; private set; } = null!;

    /// <summary>
    /// The portal's URL segment (`^[a-z0-9][a-z0-9-]*$`, at most 100 characters). When omitted, Buildkite derives it from the name. Changing it renames the portal in place (callers must use the new URL); it never replaces the portal.
    /// </summary>
    [Output("slug")]
    public Output<string> Slug { get; private set; } = null!;

    /// <summary>
    /// The portal's long-lived service token. Buildkite returns it only when the portal is created, so it is absent after an import; rotate it by replacing the portal (for example `pulumi up --replace &lt;urn&gt;`).
    /// </summary>
    [Output("token")]
    public Output<string?> Token { get; private set; } = null!;

    /// <summary>
    /// Whether organization members may invoke the portal with their own user-scoped tokens. Defaults to `false`.
    /// </summary>
    [Output("userInvokable")]
    public Output<bool> UserInvokable { get; private set; } = null!;

    /// <summary>
    /// The invocation endpoint callers POST to: `https://portal.buildkite.com/organizations/{organization}/portals/{slug}`. Follows slug renames.
    /// </summary>
    [Output("url")]
    public Output<string> Url { get; private set; } = null!;

    /// <summary>
    /// The portal's UUID; also its resource ID, stable across slug renames.
    /// </summary>
    [Output("uuid")]
    public Output<string> Uuid { get; private set; } = null!;

    /// <summary>
    /// Create a Portal resource with the given unique name, arguments, and options.
    /// </summary>
    /// <param name="name">The unique name of the resource</param>
    /// <param name="args">The arguments used to populate this resource's properties</param>
    /// <param name="options">A bag of options that control this resource's behavior</param>
    public Portal(string name, PortalArgs args, CustomResourceOptions? options = null)
        : base("buildkite-portals:index:Portal", name, args ?? new PortalArgs(), MakeResourceOptions(options, ""))
    {
    }

    private Portal(string name, Input<string> id, PortalState? state = null, CustomResourceOptions? options = null)
        : base("buildkite-portals:index:Portal", name, state, MakeResourceOptions(options, id))
    {
    }

    private static CustomResourceOptions MakeResourceOptions(CustomResourceOptions? options, Input<string>? id)
    {
        var defaultOptions = new CustomResourceOptions
        {
            Version = Utilities.Version,
            AdditionalSecretOutputs =
            {
                "token",
            },
        };
        var merged = CustomResourceOptions.Merge(defaultOptions, options);
        // Override the ID if one was specified for consistency with other language SDKs.
        merged.Id = id ?? merged.Id;
        return merged;
    }

    /// <summary>
    /// Get an existing Portal resource's state with the given name, ID, and optional extra
    /// properties used to qualify the lookup.
    /// </summary>
    /// <param name="name">The unique name of the resulting resource.</param>
    /// <param name="id">The unique provider ID of the resource to lookup (the portal's UUID).</param>
    /// <param name="state">Any extra arguments used during the lookup.</param>
    /// <param name="options">A bag of options that control this resource's behavior</param>
    public static Portal Get(string name, Input<string> id, PortalState? state = null, CustomResourceOptions? options = null)
    {
        return new Portal(name, id, state, options);
    }
}
