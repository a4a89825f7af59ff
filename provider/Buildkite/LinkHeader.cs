namespace PortalsProvider.Buildkite;

/// <summary>Reads RFC 8288 <c>Link</c> headers: <c>&lt;url&gt;; rel="next", &lt;url&gt;; rel="last"</c>.</summary>
internal static class LinkHeader
{
    /// <summary>The target of the first link whose <c>rel</c> contains <paramref name="rel"/>, resolved against
    /// <paramref name="requestUri"/>; null when there is none.</summary>
    /// <remarks>Several links per header value and several header values are accepted; <c>rel</c> may be quoted or
    /// bare and may list several space-separated relation types. Malformed entries are skipped.</remarks>
    public static Uri? FindTarget(IEnumerable<string> headerValues, string rel, Uri requestUri)
    {
        foreach (var value in headerValues)
        {
            var i = 0;
            while (i < value.Length)
            {
                var open = value.IndexOf('<', i);
                if (open < 0)
                {
                    break;
                }

                var close = value.IndexOf('>', open + 1);
                if (close < 0)
                {
                    break;
                }

                var target = value[(open + 1)..close].Trim();
                var nextOpen = value.IndexOf('<', close + 1);
                var parameters = nextOpen < 0 ? value[(close + 1)..] : value[(close + 1)..nextOpen];
                i = nextOpen < 0 ? value.Length : nextOpen;

                if (HasRel(parameters, rel) && Uri.TryCreate(requestUri, target, out var resolved))
                {
                    return resolved;
                }
            }
        }

        return null;
    }

    private static bool HasRel(string parameters, string rel)
    {
        foreach (var raw in parameters.Split(';'))
        {
            var parameter = raw.Trim().TrimEnd(',').Trim();
            var eq = parameter.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0 || !parameter[..eq].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var relations = parameter[(eq + 1)..].Trim().Trim('"');
            foreach (var relation in relations.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (relation.Equals(rel, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
