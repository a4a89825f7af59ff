using System.Threading.Tasks;

namespace Pulumi.BuildkitePortals;

/// <summary>
/// Lists the organization's portals (all pages), optionally filtered by name.
/// </summary>
public static class GetPortals
{
    /// <summary>
    /// Lists the organization's portals (all pages), optionally filtered by name.
    /// </summary>
    public static Task<GetPortalsResult> InvokeAsync(GetPortalsArgs? args = null, InvokeOptions? options = null)
        => global::Pulumi.Deployment.Instance.InvokeAsync<GetPortalsResult>("buildkite-portals:index:getPortals", args ?? new GetPortalsArgs(), options.WithDefaults());

    /// <summary>
    /// Lists the organization's portals (all pages), optionally filtered by name.
    /// </summary>
    public static Output<GetPortalsResult> Invoke(GetPortalsInvokeArgs? args = null, InvokeOptions? options = null)
        => global::Pulumi.Deployment.Instance.Invoke<GetPortalsResult>("buildkite-portals:index:getPortals", args ?? new GetPortalsInvokeArgs(), options.WithDefaults());
}
