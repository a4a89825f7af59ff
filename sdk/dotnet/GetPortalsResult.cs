using System.Collections.Immutable;
using Pulumi.Serialization;

namespace Pulumi.BuildkitePortals;

/// <summary>
/// The result of <see cref="GetPortals"/>.
/// </summary>
[OutputType]
public sealed class GetPortalsResult
{
    /// <summary>
    /// The matching portals.
    /// </summary>
    public readonly ImmutableArray<Outputs.GetPortalsPortalResult> Portals;

    [OutputConstructor]
    private GetPortalsResult(
        ImmutableArray<Outputs.GetPortalsPortalResult> portals)
    {
        Portals = portals;
    }
}
