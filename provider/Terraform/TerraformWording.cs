using System.Text.RegularExpressions;
using PortalsProvider.Portals;

namespace PortalsProvider.Terraform;

/// <summary>
/// The core's messages name properties and commands the way a Pulumi user writes them. This re-spells them for
/// a Terraform user (attribute names, provider settings, CLI commands) without changing what they say.
/// </summary>
internal static partial class TerraformWording
{
    public static string Rewrite(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = PulumiImportRegex().Replace(message, "`terraform import portals_portal.<name> $1`");
        text = text
            .Replace("pulumi up --replace <urn>", "terraform apply -replace=<resource address>", StringComparison.Ordinal)
            .Replace("`pulumi refresh`", "`terraform apply -refresh-only`", StringComparison.Ordinal)
            .Replace("`pulumi up`", "`terraform apply`", StringComparison.Ordinal);
        foreach (var config in PortalProperties.Config)
        {
            text = text.Replace(PortalsConfig.KeyPrefix + config.Name, TerraformSchema.ConfigAttributeName(config), StringComparison.Ordinal);
        }

        foreach (var property in PortalProperties.All.Where(p => p.Name.Any(char.IsUpper)))
        {
            text = Regex.Replace(text, $@"\b{property.Name}\b", TerraformSchema.AttributeName(property));
        }

        return text;
    }

    [GeneratedRegex(@"`pulumi import \S+ \S+ (\S+)`")]
    private static partial Regex PulumiImportRegex();
}
