using System.Text.RegularExpressions;

namespace PortalsProvider.Buildkite;

/// <summary>Removes credentials from text that came from the wire before it reaches an exception message.</summary>
/// <remarks>
/// A proxy or a misbehaving API may echo the request's <c>Authorization</c> header in an error page, and an
/// unreadable create response may hold the new portal's token. Both the configured API token and anything shaped
/// like a Buildkite token (<c>bkua_</c> user, <c>bkpat_</c> portal, <c>bkps_</c> portal secret, …) are masked.
/// </remarks>
internal static partial class SecretScrubber
{
    public const string Mask = "[REDACTED]";

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Scrub(string? text, string apiToken)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        if (!string.IsNullOrEmpty(apiToken))
        {
            text = text.Replace(apiToken, Mask, StringComparison.Ordinal);
        }

        return BuildkiteTokenPattern().Replace(text, Mask);
    }

    [GeneratedRegex(@"\bbk[a-z]{1,4}_[A-Za-z0-9_\-]{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex BuildkiteTokenPattern();
}
