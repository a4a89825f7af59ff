using System.Globalization;
using PortalsProvider.Buildkite;
using PortalsProvider.Portals;
using PortalsProvider.Terraform.Protocol;

namespace PortalsProvider.Terraform;

/// <summary>
/// Resolves the provider block into client options with the contract's precedence: explicit config, then the
/// environment variable, then the default (all read from the config rows of the property table).
/// </summary>
internal static class TerraformProviderConfig
{
    public const string UserAgentProduct = TerraformHost.BinaryName;

    /// <summary>Options, or the diagnostics that say which settings are missing or wrong and how to fix them.</summary>
    public static (BuildkiteClientOptions? Options, IReadOnlyList<Diagnostic> Diagnostics) Resolve(
        CtyValue config, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        var diagnostics = new List<Diagnostic>();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var row in PortalProperties.Config)
        {
            var attribute = TerraformSchema.ConfigAttributeName(row);
            var value = config.IsNull ? CtyValue.Null : config.GetAttribute(attribute);
            string? resolved = value.Kind switch
            {
                CtyValueKind.String => value.AsString,
                CtyValueKind.Number => value.AsNumber.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            if (value.IsUnknown)
            {
                diagnostics.Add(Diagnostics.Error(
                    $"Provider setting \"{attribute}\" is not known yet",
                    "The provider configuration depends on a value that is only known after apply. Use values known at plan time.",
                    attribute));
                continue;
            }

            if (string.IsNullOrEmpty(resolved) && row.EnvVar is not null)
            {
                resolved = environment(row.EnvVar);
            }

            if (string.IsNullOrEmpty(resolved))
            {
                resolved = row.Default;
            }

            if (string.IsNullOrEmpty(resolved) && row.Required)
            {
                diagnostics.Add(Diagnostics.Error(
                    $"Missing provider setting \"{attribute}\"",
                    $"Set \"{attribute}\" in the provider \"portals\" block or the {row.EnvVar} environment variable.",
                    attribute));
            }

            values[row.Name] = resolved;
        }

        var apiUrl = values[PortalProperties.ConfigApiUrl] ?? BuildkiteClientOptions.DefaultApiUrl;
        // The scheme rules (https, or http on loopback only) are the client's: BuildkiteClient.Create checks them.
        if (!Uri.TryCreate(apiUrl, UriKind.Absolute, out var uri))
        {
            diagnostics.Add(Diagnostics.Error("Invalid provider setting \"api_url\"",
                $"\"{apiUrl}\" is not an absolute URL, for example https://api.buildkite.com.", "api_url"));
        }

        var maxRetries = BuildkiteClientOptions.DefaultMaxRetries;
        if (values[PortalProperties.ConfigMaxRetries] is { } retries
            && (!int.TryParse(retries, NumberStyles.None, CultureInfo.InvariantCulture, out maxRetries) || maxRetries > 100))
        {
            diagnostics.Add(Diagnostics.Error("Invalid provider setting \"max_retries\"",
                $"\"{retries}\" is not a whole number from 0 to 100.", "max_retries"));
        }

        if (diagnostics.Count > 0)
        {
            return (null, diagnostics);
        }

        return (new BuildkiteClientOptions
        {
            ApiToken = values[PortalProperties.ConfigApiToken]!,
            Organization = values[PortalProperties.ConfigOrganization]!,
            ApiUrl = uri!,
            MaxRetries = maxRetries,
            UserAgent = $"{UserAgentProduct}/{ProviderInfo.Version}",
        }, diagnostics);
    }
}
