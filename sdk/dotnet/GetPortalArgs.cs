using Pulumi.Serialization;

namespace Pulumi.BuildkitePortals;

/// <summary>
/// The arguments of <see cref="GetPortal"/> (plain values, for InvokeAsync).
/// </summary>
public sealed class GetPortalArgs : global::Pulumi.InvokeArgs
{
    /// <summary>
    /// The slug of the portal to look up.
    /// </summary>
    [Input("slug")]
    public string? Slug { get; set; }

    /// <summary>
    /// The UUID of the portal to look up.
    /// </summary>
    [Input("uuid")]
    public string? Uuid { get; set; }

    /// <summary>Creates an empty set of arguments.</summary>
    public GetPortalArgs()
    {
    }

    /// <summary>An empty set of arguments.</summary>
    public static new GetPortalArgs Empty => new GetPortalArgs();
}
