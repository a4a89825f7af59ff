using System.Threading.Tasks;

namespace Pulumi.BuildkitePortals;

/// <summary>
/// Looks up one portal by `slug` or `uuid` (exactly one). Returns every output of `Portal` except `token`.
/// </summary>
public static class GetPortal
{
    /// <summary>
    /// Looks up one portal by `slug` or `uuid` (exactly one). Returns every output of `Portal` except `token`.
    /// </summary>
    public static Task<GetPortalResult> InvokeAsync(GetPortalArgs? args = null, InvokeOptions? options = null)
        => global::Pulumi.Deployment.Instance.InvokeAsync<GetPortalResult>("buildkite-portals:index:getPortal", args ?? new GetPortalArgs(), options.WithDefaults());

    /// <summary>
    /// Looks up one portal by `slug` or `uuid` (exactly one). Returns every output of `Portal` except `token`.
    /// </summary>
    public static Output<GetPortalResult> Invoke(GetPortalInvokeArgs? args = null, InvokeOptions? options = null)
        => global::Pulumi.Deployment.Instance.Invoke<GetPortalResult>("buildkite-portals:index:getPortal", args ?? new GetPortalInvokeArgs(), options.WithDefaults());
}
