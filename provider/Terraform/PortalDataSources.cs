using Google.Protobuf.Collections;
using PortalsProvider.Terraform.Protocol;

namespace PortalsProvider.Terraform;

/// <summary>
/// The data sources: <c>portals_portal</c> (one portal by slug or UUID) and <c>portals_portals</c> (every page
/// of the organization's portals). Lookups are the core's (<see cref="Portals.PortalService.FindAsync"/>,
/// <see cref="Portals.PortalService.ListAsync"/>); tokens are never returned.
/// </summary>
internal sealed class PortalDataSources(TerraformProviderState state)
{
    public static IReadOnlyList<Diagnostic> Validate(string typeName, DynamicValue config)
    {
        switch (typeName)
        {
            case TerraformSchema.PortalTypeName:
                var value = DynamicValues.Decode(config, TerraformSchema.PortalDataSource.ImpliedType);
                var id = value.GetAttribute(TerraformSchema.IdAttribute);
                var slug = value.GetAttribute(PortalAttributes.Slug);
                return id.IsKnown && slug.IsKnown && id.IsNull == slug.IsNull
                    ? [Diagnostics.Error("Give exactly one of \"id\" and \"slug\"",
                        "The portals_portal data source looks a portal up either by its slug or by its UUID (id).")]
                    : [];
            case TerraformSchema.PortalsTypeName:
                return [];
            default:
                throw new TerraformUsageException($"This provider has no data source \"{typeName}\".");
        }
    }

    public async Task<(CtyValue State, CtyType Type)> ReadAsync(
        string typeName, DynamicValue config, RepeatedField<Diagnostic> diagnostics, CancellationToken ct)
    {
        var service = state.Client.Service;
        switch (typeName)
        {
            case TerraformSchema.PortalTypeName:
            {
                var block = TerraformSchema.PortalDataSource;
                var value = DynamicValues.Decode(config, block.ImpliedType);
                var slug = value.GetAttribute(PortalAttributes.Slug).AsStringOrNull();
                var uuid = value.GetAttribute(TerraformSchema.IdAttribute).AsStringOrNull();
                if ((slug is null) == (uuid is null))
                {
                    diagnostics.AddRange(Validate(typeName, config));
                    return (value, block.ImpliedType);
                }

                var found = await service.FindAsync(slug, slug is null ? uuid : null, timeout: null, ct).ConfigureAwait(false);
                if (found is null)
                {
                    diagnostics.Add(Diagnostics.Error("Portal not found",
                        slug is not null
                            ? $"No portal with slug \"{slug}\" exists in organization \"{service.Organization}\"."
                            : $"No portal with UUID \"{uuid}\" exists in organization \"{service.Organization}\"."));
                    return (value, block.ImpliedType);
                }

                return (CtyPValues.FromState(found, block), block.ImpliedType);
            }

            case TerraformSchema.PortalsTypeName:
            {
                var block = TerraformSchema.PortalsDataSource;
                var value = DynamicValues.Decode(config, block.ImpliedType);
                var nameContains = value.GetAttribute(TerraformSchema.NameContainsAttribute).AsStringOrNull();
                var portals = await service.ListAsync(nameContains, timeout: null, ct).ConfigureAwait(false);
                var result = value
                    .WithAttribute(TerraformSchema.IdAttribute, CtyValue.String(service.Organization))
                    .WithAttribute(TerraformSchema.PortalsAttribute, CtyValue.List(portals
                        .OrderBy(p => p.Slug, StringComparer.Ordinal)
                        .Select(p => CtyPValues.FromState(p, TerraformSchema.PortalDataSource))));
                return (result, block.ImpliedType);
            }

            default:
                throw new TerraformUsageException($"This provider has no data source \"{typeName}\".");
        }
    }
}
