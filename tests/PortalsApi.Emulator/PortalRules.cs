using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PortalsApi.Emulator;

/// <summary>The emulator's model of the API's validation (Rails-style messages, slug derivation).</summary>
internal static partial class PortalRules
{
    public const int MaxSlugLength = 100;

    /// <summary>Lowercase; each run of characters other than <c>a-z0-9</c> becomes one <c>-</c>; leading/trailing <c>-</c> trimmed; at most 100 characters.</summary>
    public static string DeriveSlug(string name)
    {
        var builder = new StringBuilder(name.Length);
        var pendingDash = false;
        foreach (var c in name.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingDash = false;
                builder.Append(c);
            }
            else
            {
                pendingDash = true;
            }
        }

        var slug = builder.ToString();
        return slug.Length <= MaxSlugLength ? slug : slug[..MaxSlugLength].TrimEnd('-');
    }

    public static bool IsValidSlug(string slug) => SlugPattern().IsMatch(slug);

    /// <summary>Entries of a space-separated allow-list that are neither an IP address nor a CIDR block.</summary>
    public static IEnumerable<string> InvalidIpEntries(string allowList) =>
        allowList.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(entry => !IsIpOrCidr(entry));

    public static string ValidationFailed(IEnumerable<string> problems) => "Validation failed: " + string.Join(", ", problems);

    private static bool IsIpOrCidr(string entry)
    {
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? entry : entry[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || addressText.Contains('%', StringComparison.Ordinal))
        {
            return false;
        }

        if (slash < 0)
        {
            return true;
        }

        var maxPrefix = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
        var prefixText = entry[(slash + 1)..];
        return prefixText.Length > 0
            && prefixText.All(char.IsAsciiDigit)
            && int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            && prefix <= maxPrefix;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
