using System.Text;
using PortalsProvider.Portals;

namespace PortalsProvider.ImportPlan;

/// <summary>
/// Logical names for imported portals, derived from their slugs: deterministic (the same portals always get
/// the same names, whatever order the API lists them in), valid (start with a letter; only letters, digits,
/// <c>_</c> and <c>-</c>) and unique even after code generation turns them into identifiers (<c>a-b</c> and
/// <c>a_b</c> both become <c>aB</c>, so they count as the same name and the second gets a suffix).
/// </summary>
internal static class ImportPlanNames
{
    /// <summary>One entry per portal, ordered by slug (then UUID), with unique names.</summary>
    public static IReadOnlyList<ImportPlanEntry> Assign(IEnumerable<PortalListEntry> portals)
    {
        ArgumentNullException.ThrowIfNull(portals);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<ImportPlanEntry>();
        foreach (var p in portals.OrderBy(p => p.Slug, StringComparer.Ordinal).ThenBy(p => p.Uuid, StringComparer.Ordinal))
        {
            var name = FromSlug(p.Slug);
            var candidate = name;
            for (var n = 2; !taken.Add(Key(candidate)); n++)
            {
                candidate = $"{name}-{n}";
            }

            entries.Add(new ImportPlanEntry(ProviderInfo.ResourceToken, candidate, p.Uuid));
        }

        return entries;
    }

    /// <summary>A valid logical name for a slug (slugs are already almost always valid as they are).</summary>
    public static string FromSlug(string slug)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var sb = new StringBuilder(slug.Length);
        foreach (var ch in slug.Trim())
        {
            var c = char.IsAsciiLetterOrDigit(ch) || ch == '_' ? ch : '-';
            if (c == '-' && sb.Length > 0 && sb[^1] == '-')
            {
                continue;
            }

            sb.Append(c);
        }

        var name = sb.ToString().Trim('-', '_');
        if (name.Length == 0)
        {
            return "portal";
        }

        return char.IsAsciiLetter(name[0]) ? name : "portal-" + name;
    }

    /// <summary>Names that code generation would turn into the same identifier share a key.</summary>
    private static string Key(string name) => name.Replace("-", string.Empty, StringComparison.Ordinal)
        .Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
