using System.Net;

namespace PortalsProvider.Buildkite;

/// <summary>A success status arrived but its body broke off while being read: the server acted, the answer is lost.</summary>
internal sealed class ResponseBodyException : Exception
{
    public ResponseBodyException(HttpStatusCode statusCode, Exception innerException)
        : base($"the HTTP {(int)statusCode} response body could not be read: {BuildkiteApiException.Describe(innerException)}", innerException)
    {
        StatusCode = statusCode;
    }

    public HttpStatusCode StatusCode { get; }
}
