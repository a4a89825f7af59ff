using System.Net;
using System.Net.Http.Headers;

namespace PortalsProvider.Buildkite;

/// <summary>One attempt's answer, fully read inside the attempt so that a body that breaks off is a fault of that
/// attempt (and can be retried where safe) rather than of the caller's parsing.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Headers">Response headers (rate limit, <c>Retry-After</c>, <c>Link</c>).</param>
/// <param name="Content">The whole body of a success status.</param>
/// <param name="ErrorBody">At most <see cref="BuildkiteApiException.MaxBodyChars"/> characters of an error status's body.</param>
internal sealed record ApiResponse(HttpStatusCode StatusCode, HttpResponseHeaders Headers, byte[]? Content, string? ErrorBody)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and <= 299;
}
