using PortalsProvider.Buildkite;
using PortalsProvider.Portals;
using PortalsProvider.Terraform.Protocol;

namespace PortalsProvider.Terraform;

/// <summary>
/// The <c>provider "portals"</c> block resolved by the core (<see cref="PortalsConfig"/>: explicit setting, then
/// environment variable, then default), with messages in Terraform's terms. Requests identify themselves as
/// <c>terraform-provider-portals/&lt;version&gt;</c>.
/// </summary>
internal static class TerraformProviderConfig
{
    /// <summary>ValidateProviderConfig: only invalid values; a missing setting may still come from the environment at configure time.</summary>
    public static IReadOnlyList<Diagnostic> Validate(CtyValue config) =>
        [.. Resolve(config, Environment.GetEnvironmentVariable).Diagnostics.Where(d => !d.Summary.StartsWith("Missing", StringComparison.Ordinal)
            && !d.Summary.EndsWith("not known yet", StringComparison.Ordinal))];

    public static (BuildkiteClientOptions? Options, IReadOnlyList<Diagnostic> Diagnostics) Resolve(
        CtyValue config, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(config);
        var settings = PValue.Object.From(PortalProperties.Config.Select(c => KeyValuePair.Create(
            c.Name, CtyPValues.ToPValue(config.GetAttribute(TerraformSchema.ConfigAttributeName(c))))));
        var resolution = PortalsConfig.Resolve(settings, environment);

        var diagnostics = new List<Diagnostic>();
        if (resolution.HasUnknowns)
        {
            diagnostics.Add(Diagnostics.Error(
                "Provider configuration is not known yet",
                "A setting of the provider \"portals\" block depends on a value known only after apply; use values known at plan time."));
        }

        foreach (var missing in resolution.Missing)
        {
            var attribute = TerraformSchema.ConfigAttributeName(missing);
            diagnostics.Add(Diagnostics.Error(
                $"Missing provider setting \"{attribute}\"",
                $"Set \"{attribute}\" in the provider \"portals\" block or the {missing.EnvVar} environment variable.",
                attribute));
        }

        foreach (var failure in resolution.Failures)
        {
            var row = PortalProperties.Config.FirstOrDefault(c => c.Name == failure.Property);
            var attribute = row is null ? failure.Property : TerraformSchema.ConfigAttributeName(row);
            diagnostics.Add(Diagnostics.Error($"Invalid provider setting \"{attribute}\"", TerraformWording.Rewrite(failure.Reason), attribute));
        }

        var options = diagnostics.Count == 0 && resolution.Options is { } resolved
            ? resolved with { UserAgent = $"{TerraformHost.BinaryName}/{ProviderInfo.Version}" }
            : null;
        return (options, diagnostics);
    }
}
