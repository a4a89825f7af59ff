using Pulumi.Serialization;

namespace Pulumi.BuildkitePortals;

/// <summary>
/// The arguments of <see cref="GetPortals"/> (plain values, for InvokeAsync).
/// </summary>
public sealed class GetPortalsArgs : global::Pulumi.InvokeArgs
{
    /// <summary>
    /// Only portals whose name contains this text (case-insensitive).
    /// </summary>
    [Input("nameContains")]
    public string? NameContains { get; set; }

    /// <summary>Creates an empty set of arguments.</summary>
    public GetPortalsArgs()
    {
    }

    /// <summary>An empty set of arguments.</summary>
    public static new GetPortalsArgs Empty => new GetPortalsArgs();
}
