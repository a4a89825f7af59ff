using Pulumi.Serialization;

namespace Pulumi.BuildkitePortals;

/// <summary>
/// The arguments of <see cref="GetPortal"/> (inputs, for Invoke).
/// </summary>
public sealed class GetPortalInvokeArgs : global::Pulumi.InvokeArgs
{
    /// <summary>
    /// The slug of the portal to look up.
    /// </summary>
    [Input("slug")]
    public Input<string>? Slug { get; set; }

    /// <summary>
    /// The UUID of the portal to look up.
    /// </summary>
    [Input("uuid")]
    public Input<string>? Uuid { get; set; }

    /// <summary>Creates an empty set of arguments.</summary>
    public GetPortalInvokeArgs()
    {
    }

    /// <summary>An empty set of arguments.</summary>
    public static new GetPortalInvokeArgs Empty => new GetPortalInvokeArgs();
}
