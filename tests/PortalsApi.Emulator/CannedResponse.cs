using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace PortalsApi.Emulator;

/// <summary>A complete response a fault answers with instead of (or after) the API.</summary>
internal sealed record CannedResponse(int Status, string ContentType, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public static CannedResponse For(FaultRule rule, int rateLimit) => rule.Kind switch
    {
        FaultKind.RateLimit => RateLimited(rule, rateLimit),
        FaultKind.ServerError => ServerError(rule.Status ?? 500),
        FaultKind.NonJson => new(
            200,
            "text/html; charset=utf-8",
            "<!DOCTYPE html>\n<html><head><title>Buildkite</title></head><body><h1>We'll be right back</h1></body></html>\n",
            new Dictionary<string, string>()),
        FaultKind.Status => Message(rule.Status!.Value, rule.Message ?? DefaultMessage(rule.Status.Value)),
        _ => throw new InvalidOperationException($"{rule.Kind} has no canned response."),
    };

    public static CannedResponse RateLimitExceeded(RateLimitWindow window, string scope) => new(
        429,
        ApiResults.JsonContentType,
        RateLimitBody(window, scope),
        new Dictionary<string, string>());

    private static CannedResponse RateLimited(FaultRule rule, int limit)
    {
        var window = new RateLimitWindow(limit, limit + 1, rule.ResetSeconds, Exceeded: true);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reset = rule.ResetSeconds.ToString(CultureInfo.InvariantCulture);
        if (rule.SendRateLimitHeaders)
        {
            headers["RateLimit-Remaining"] = "0";
            headers["RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
            headers["RateLimit-Reset"] = reset;
            headers["RateLimit-Scope"] = "rest";
        }

        if (rule.SendRetryAfter)
        {
            headers["Retry-After"] = reset;
        }

        return new(429, ApiResults.JsonContentType, RateLimitBody(window, "rest"), headers);
    }

    private static string RateLimitBody(RateLimitWindow window, string scope) => new JsonObject
    {
        ["message"] = window.ExceededMessage,
        ["scope"] = scope,
        ["limit"] = window.Limit,
        ["current"] = window.Current,
        ["reset"] = window.ResetSeconds,
    }.ToJsonString(PortalJson.Options);

    private static CannedResponse ServerError(int status)
    {
        var title = $"{status} {ReasonPhrases.GetReasonPhrase(status)}";
        var html = $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return new(status, "text/html", html, new Dictionary<string, string>());
    }

    private static CannedResponse Message(int status, string message) =>
        new(status, ApiResults.JsonContentType, PortalJson.Message(message), new Dictionary<string, string>());

    private static string DefaultMessage(int status) => status switch
    {
        401 => ApiResults.AuthenticationRequired,
        403 => ApiResults.MissingScope("write_portals"),
        404 => "No portal found",
        422 => "Validation failed: Query is invalid",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };
}
