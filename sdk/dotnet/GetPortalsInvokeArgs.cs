using Pulumi.Serialization;

namespace Pulumi.BuildkitePortals;

/// <summary>
/// The arguments of <see cref="GetPortals"/> (inputs, for Invoke).
/// </summary>
public sealed class GetPortalsInvokeArgs : global::Pulumi.InvokeArgs
{
    /// <summary>
    /// Only portals whose name contains this text (case-insensitive).
    /// </summary>
    [Input("nameContains")]
    public Input<string>? NameContains { get; set; }

    /// <summary>Creates an empty set of arguments.</summary>
    public GetPortalsInvokeArgs()
    {
    }

    /// <summary>An empty set of arguments.</summary>
    public static new GetPortalsInvokeArgs Empty => new GetPortalsInvokeArgs();
}
