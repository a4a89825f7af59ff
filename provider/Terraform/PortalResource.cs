using PortalsProvider.Portals;
using PortalsProvider.Terraform.Protocol;
using A = PortalsProvider.Terraform.PortalAttributes;

namespace PortalsProvider.Terraform;

/// <summary>
/// The <c>portals_portal</c> resource over the Portals core. Validation (<see cref="PortalChecker"/>), what a
/// plan knows (<see cref="PortalValues.PreviewCreate"/>/<see cref="PortalValues.PreviewUpdate"/>), the API
/// mapping, drift handling and the rename-as-one-PUT (<see cref="PortalService"/>) all come from the core; this
/// class converts values and maps outcomes onto Terraform's rules (null state = gone, errors = diagnostics).
/// </summary>
internal sealed class PortalResource(TerraformProviderState state)
{
    public static CtyType Type => Block.ImpliedType;

    private static SchemaBlock Block => TerraformSchema.PortalResource;

    /// <summary>Check on the neutral model (unknown values pass): every failure is one diagnostic on its attribute.</summary>
    public static IReadOnlyList<Diagnostic> Validate(CtyValue config)
    {
        var result = PortalChecker.Check(CtyPValues.ToPortal(config, inputsOnly: true));
        return [.. result.Failures.Select(ToDiagnostic)];
    }

    /// <summary>
    /// The planned state. Create: server-assigned attributes unknown, an unset slug unknown (the API derives
    /// it), an unset <c>user_invokable</c> false. Update: prior state overlaid with the configuration; an unset
    /// slug keeps the current one; <c>url</c> follows the slug. Nothing ever requires replacement: a slug
    /// change is an in-place update (one PUT to the old slug).
    /// </summary>
    public TfResult Plan(CtyValue prior, CtyValue proposed, CtyValue config)
    {
        if (proposed.IsNull)
        {
            return TfResult.Of(CtyValue.Null);
        }

        // Validation runs again here: values unknown at validate time are known by now (at the latest when
        // Terraform re-plans during apply).
        var failures = Validate(config);
        if (failures.Count > 0)
        {
            return new TfResult(proposed, failures);
        }

        var organization = state.Client.Service.Organization;
        var inputs = CtyPValues.ToPortal(config, inputsOnly: true);
        var planned = prior.IsNull
            ? PortalValues.PreviewCreate(inputs, organization)
            : PortalValues.PreviewUpdate(inputs, ReadPrior(prior), organization);
        return TfResult.Of(Normalize(CtyPValues.FromPortal(planned, Block), config));
    }

    public async Task<TfResult> ApplyAsync(CtyValue prior, CtyValue planned, CtyValue config, CancellationToken ct)
    {
        var service = state.Client.Service;
        if (planned.IsNull)
        {
            var old = ReadPrior(prior);
            await service.DeleteAsync(old.Uuid, old.Slug, timeout: null, ct).ConfigureAwait(false);
            return TfResult.Of(CtyValue.Null);
        }

        var inputs = PortalValues.ReadInputs(CtyPValues.ToPortal(config, inputsOnly: true));
        if (prior.IsNull)
        {
            try
            {
                var created = await service.CreateAsync(inputs, timeout: null, ct).ConfigureAwait(false);
                return TfResult.Of(Normalize(CtyPValues.FromState(created, Block), config));
            }
            catch (PortalPartialFailureException ex)
            {
                // The portal exists: returning its state with the error makes Terraform keep it (tainted), so
                // it is never orphaned.
                return new TfResult(
                    Normalize(CtyPValues.FromState(ex.State, Block), config),
                    [Diagnostics.Error("Portal created but not completed", TerraformWording.Rewrite(ex.Message))]);
            }
        }

        var updated = await service.UpdateAsync(ReadPrior(prior), inputs, timeout: null, ct).ConfigureAwait(false);
        return TfResult.Of(Normalize(CtyPValues.FromState(updated, Block), config));
    }

    /// <summary>Refresh: null when the portal is gone; a rename made elsewhere shows as drift (core: list by UUID).</summary>
    public async Task<TfResult> ReadAsync(CtyValue current, CancellationToken ct)
    {
        if (current.IsNull)
        {
            return TfResult.Of(CtyValue.Null);
        }

        var old = ReadPrior(current);
        var fresh = await state.Client.Service.ReadAsync(old.Uuid, old.Slug, old.Token, timeout: null, ct).ConfigureAwait(false);
        return TfResult.Of(fresh is null ? CtyValue.Null : Normalize(CtyPValues.FromState(fresh, Block), current));
    }

    /// <summary>Import by slug or UUID. The token cannot be read back, so it stays null.</summary>
    public async Task<TfResult> ImportAsync(string id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return new TfResult(CtyValue.Null, [Diagnostics.Error("Missing import ID", "Import a portal by its slug or its UUID.")]);
        }

        var service = state.Client.Service;
        var found = await service.ImportAsync(id.Trim(), timeout: null, ct).ConfigureAwait(false);
        return found is null
            ? new TfResult(CtyValue.Null, [Diagnostics.Error(
                "Cannot import non-existent remote object",
                $"No portal with slug or UUID \"{id}\" exists in organization \"{service.Organization}\".")])
            : TfResult.Of(CtyPValues.FromState(found, Block));
    }

    /// <summary>The typed prior state; the UUID in <c>id</c> and the slug must be there (this provider wrote them).</summary>
    private static PortalState ReadPrior(CtyValue prior)
    {
        var id = prior.GetAttribute(A.Id).AsStringOrNull() ?? string.Empty;
        return PortalValues.ReadState(CtyPValues.ToPortal(prior, inputsOnly: false), id)
            ?? throw new TerraformUsageException(
                $"The stored state of this portal (id \"{id}\") has no slug. Remove it with `terraform state rm` and import it again.");
    }

    /// <summary>
    /// An empty description from the API means "none": keep null where the configuration (or prior state) has
    /// null, so a cleared description never reads back as a change.
    /// </summary>
    private static CtyValue Normalize(CtyValue value, CtyValue reference)
    {
        if (value.GetAttribute(A.Description) is { Kind: CtyValueKind.String } d && d.AsString.Length == 0
            && reference.GetAttribute(A.Description).IsNull)
        {
            value = value.WithAttribute(A.Description, CtyValue.Null);
        }

        return value;
    }

    private static Diagnostic ToDiagnostic(CheckFailure failure)
    {
        var property = failure.Property.Split('[')[0];
        var attribute = PortalProperties.All.Any(p => p.Name == property) ? A.Of(property) : property;
        return Diagnostics.Error($"Invalid {attribute}", TerraformWording.Rewrite(failure.Reason), attribute);
    }
}
