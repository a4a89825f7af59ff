using PortalsProvider.Portals;
using PortalsProvider.Terraform.Protocol;
using A = PortalsProvider.Terraform.PortalAttributes;

namespace PortalsProvider.Terraform;

/// <summary>
/// The <c>portals_portal</c> resource: Terraform's plan rules on top of the Portals core. Validation, the API
/// mapping, drift handling and the rename-as-PUT all come from <c>Portals/</c>; this class only converts values
/// and decides what is known at plan time.
/// </summary>
internal sealed class PortalResource(TerraformProviderState state)
{
    public static CtyType Type => TerraformSchema.PortalResource.ImpliedType;

    /// <summary>Check on the neutral model; unknown values pass. Every failure is one diagnostic on its attribute.</summary>
    public static IReadOnlyList<Diagnostic> Validate(CtyValue config) => [];

    /// <summary>
    /// The planned state. Create: server-assigned attributes are unknown, an unset slug is unknown (the API
    /// derives it), an unset <c>user_invokable</c> is false. Update: the proposal (config merged with prior
    /// computed values; an unset slug keeps the current one), with <c>user_invokable</c> back to false when
    /// removed and <c>url</c> following a slug change. Nothing ever requires replacement.
    /// </summary>
    public TfResult Plan(CtyValue prior, CtyValue proposed, CtyValue config)
    {
        if (proposed.IsNull)
        {
            return TfResult.Of(CtyValue.Null);
        }

        var planned = proposed;
        if (config.GetAttribute(A.UserInvokable).IsNull)
        {
            planned = planned.WithAttribute(A.UserInvokable, CtyValue.False);
        }

        if (prior.IsNull)
        {
            foreach (var computed in A.ServerAssigned)
            {
                planned = planned.WithAttribute(computed, CtyValue.Unknown);
            }

            if (config.GetAttribute(A.Slug).IsNull)
            {
                planned = planned.WithAttribute(A.Slug, CtyValue.Unknown);
            }
        }

        planned = planned.WithAttribute(A.Url, PlannedUrl(planned.GetAttribute(A.Slug), prior));
        return TfResult.Of(planned);
    }

    public Task<TfResult> ReadAsync(CtyValue current, CancellationToken ct) =>
        throw new NotSupportedException("Not wired to the Portals core yet.");

    public Task<TfResult> ApplyAsync(CtyValue prior, CtyValue planned, CtyValue config, CancellationToken ct) =>
        throw new NotSupportedException("Not wired to the Portals core yet.");

    public Task<TfResult> ImportAsync(string id, CancellationToken ct) =>
        throw new NotSupportedException("Not wired to the Portals core yet.");

    /// <summary>The invocation URL follows the slug; it is unknown only while the slug is.</summary>
    private CtyValue PlannedUrl(CtyValue slug, CtyValue prior)
    {
        if (slug.Kind != CtyValueKind.String || !state.IsConfigured)
        {
            return prior.IsNull || !slug.Equals(prior.GetAttribute(A.Slug)) ? CtyValue.Unknown : prior.GetAttribute(A.Url);
        }

        return CtyValue.String(PortalUrl(state.Client.Options.Organization, slug.AsString));
    }

    private static string PortalUrl(string organization, string slug) =>
        $"https://portal.buildkite.com/organizations/{Uri.EscapeDataString(organization)}/portals/{Uri.EscapeDataString(slug)}";
}
