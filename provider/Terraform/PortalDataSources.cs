using Google.Protobuf.Collections;
using PortalsProvider.Terraform.Protocol;

namespace PortalsProvider.Terraform;

/// <summary>The data sources <c>portals_portal</c> (one, by slug or UUID) and <c>portals_portals</c> (all pages).</summary>
internal sealed class PortalDataSources(TerraformProviderState state)
{
    public static IReadOnlyList<Diagnostic> Validate(string typeName, DynamicValue config)
    {
        if (typeName == TerraformSchema.PortalTypeName)
        {
            var value = DynamicValues.Decode(config, TerraformSchema.PortalDataSource.ImpliedType);
            var id = value.GetAttribute(TerraformSchema.IdAttribute);
            var slug = value.GetAttribute(PortalAttributes.Slug);
            if (id.IsNull == slug.IsNull && id.IsKnown && slug.IsKnown)
            {
                return [Diagnostics.Error("Give exactly one of \"id\" and \"slug\"",
                    "The portals_portal data source looks a portal up either by its slug or by its UUID (id).")];
            }

            return [];
        }

        if (typeName == TerraformSchema.PortalsTypeName)
        {
            return [];
        }

        throw new TerraformUsageException($"This provider has no data source \"{typeName}\".");
    }

    public Task<(CtyValue State, CtyType Type)> ReadAsync(
        string typeName, DynamicValue config, RepeatedField<Diagnostic> diagnostics, CancellationToken ct)
    {
        _ = state;
        _ = config;
        _ = diagnostics;
        _ = ct;
        throw new TerraformUsageException($"The data source \"{typeName}\" is not wired to the Portals core yet.");
    }
}
