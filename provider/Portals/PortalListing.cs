using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PortalsProvider.Portals;

/// <summary>
/// Resource discovery paging (the Pulumi <c>List</c> RPC) over the organization's full portal list.
/// </summary>
/// <remarks>
/// <para>Continuation tokens are stateless: the provider keeps nothing between calls, so a token survives a
/// provider restart and costs no memory. Results are ordered by UUID (ordinal), a total order that does not
/// depend on the API's page order; a token carries the last UUID returned, so the next call resumes strictly
/// after it. A portal deleted between calls cannot shift the position (as an offset would), and none is
/// returned twice; a portal created mid-listing appears if its UUID sorts after the position.</para>
/// <para>The token also carries how many results were already returned (so <c>limit</c> holds across the whole
/// listing) and a fingerprint of the filter (a token is only valid for the query that produced it). Tokens are
/// opaque to callers (base64url) but not secret: they hold a portal UUID and a count.</para>
/// </remarks>
internal static class PortalListing
{
    private const string Version = "v1";

    /// <summary>The page of <paramref name="portals"/> (the full, filtered list) that this request asks for.</summary>
    /// <exception cref="ArgumentException">A negative limit or page size, or a token this provider did not issue
    /// for this query. The message names the field.</exception>
    public static PortalListPage Page(IEnumerable<PortalListEntry> portals, PortalListRequest request)
    {
        ArgumentNullException.ThrowIfNull(portals);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Limit < 0)
        {
            throw new ArgumentException($"limit must be 0 (no limit) or positive, not {request.Limit}", nameof(request));
        }

        if (request.PageSize < 0)
        {
            throw new ArgumentException($"page_size must be 0 (everything in one response) or positive, not {request.PageSize}", nameof(request));
        }

        var fingerprint = Fingerprint(request.NameContains);
        var (after, returned) = string.IsNullOrEmpty(request.ContinuationToken)
            ? (null, 0L)
            : Decode(request.ContinuationToken, fingerprint);

        var budget = long.MaxValue;
        if (request.Limit > 0)
        {
            budget = Math.Max(0, request.Limit - returned);
        }

        if (request.PageSize > 0)
        {
            budget = Math.Min(budget, request.PageSize);
        }

        var remaining = portals
            .Where(p => after is null || string.CompareOrdinal(p.Uuid, after) > 0)
            .OrderBy(p => p.Uuid, StringComparer.Ordinal)
            .ToList();
        var take = (int)Math.Min(budget, remaining.Count);
        var entries = remaining.Take(take).ToImmutableArray();
        var total = returned + take;
        var more = take < remaining.Count && (request.Limit == 0 || total < request.Limit) && take > 0;
        return new PortalListPage(entries, more ? Encode(entries[^1].Uuid, total, fingerprint) : null);
    }

    private static string Encode(string lastUuid, long returned, string fingerprint)
    {
        var text = string.Join('|', Version, lastUuid, returned.ToString(CultureInfo.InvariantCulture), fingerprint);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static (string After, long Returned) Decode(string token, string fingerprint)
    {
        string[] parts;
        try
        {
            var b64 = token.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
            parts = Encoding.UTF8.GetString(Convert.FromBase64String(b64)).Split('|');
        }
        catch (FormatException)
        {
            parts = [];
        }

        if (parts.Length != 4 || parts[0] != Version || parts[1].Length == 0
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var returned))
        {
            throw new ArgumentException("continuation_token is not one this provider issued; pass the token from the previous List response unchanged, or none to start over", nameof(token));
        }

        if (parts[3] != fingerprint)
        {
            throw new ArgumentException("continuation_token belongs to a listing with a different query; repeat the query of the call that returned it, or start over without a token", nameof(token));
        }

        return (parts[1], returned);
    }

    private static string Fingerprint(string? nameContains) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes((nameContains ?? string.Empty).ToUpperInvariant())), 0, 6);
}
