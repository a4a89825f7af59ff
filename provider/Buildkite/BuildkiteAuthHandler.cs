using System.Net.Http.Headers;

namespace PortalsProvider.Buildkite;

/// <summary>Adds <c>Authorization: Bearer</c>, <c>User-Agent</c> and <c>Accept: application/json</c> to every
/// request, so that no call site handles the token.</summary>
/// <remarks>The token is attached only to requests for the configured API origin: a <c>Link</c> header (or any
/// future bug) pointing elsewhere must never receive it.</remarks>
internal sealed class BuildkiteAuthHandler(string apiToken, string userAgent, Uri apiBase, HttpMessageHandler innerHandler)
    : DelegatingHandler(innerHandler)
{
    private static readonly MediaTypeWithQualityHeaderValue _json = new("application/json");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = request.RequestUri is { } uri && IsSameOrigin(uri, apiBase)
            ? new AuthenticationHeaderValue("Bearer", apiToken)
            : null;
        request.Headers.Remove("User-Agent");
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(_json);
        return base.SendAsync(request, cancellationToken);
    }

    public static bool IsSameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
