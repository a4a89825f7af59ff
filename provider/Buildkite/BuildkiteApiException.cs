using System.Net;

namespace PortalsProvider.Buildkite;

/// <summary>The one failure type of the Buildkite client.</summary>
/// <remarks>
/// Callers branch on <see cref="Kind"/> and <see cref="StatusCode"/>, never on the message: a proxy's 5xx page
/// that happens to contain "not found" must not remove a live portal from state. The message never contains a
/// token; <see cref="Body"/> is capped at <see cref="MaxBodyChars"/> so an HTML error page cannot flood it.
/// </remarks>
internal sealed class BuildkiteApiException : Exception
{
    public const int MaxBodyChars = 2048;

    public BuildkiteApiException(
        ApiFailureKind kind,
        string method,
        string path,
        HttpStatusCode? statusCode,
        string? apiMessage,
        string? body,
        int attempts,
        Exception? innerException = null,
        string? detail = null)
        : base(FormatMessage(kind, method, path, statusCode, apiMessage, body, attempts, innerException, detail), innerException)
    {
        Kind = kind;
        Method = method;
        Path = path;
        StatusCode = statusCode;
        ApiMessage = apiMessage;
        Body = body is { Length: > MaxBodyChars } ? body[..MaxBodyChars] : body;
        Attempts = attempts;
    }

    public ApiFailureKind Kind { get; }

    public string Method { get; }

    /// <summary>The request path (no host, no query secrets: the API takes none).</summary>
    public string Path { get; }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>The API's <c>message</c> field, verbatim, when the body was JSON.</summary>
    public string? ApiMessage { get; }

    /// <summary>At most <see cref="MaxBodyChars"/> characters of the response body.</summary>
    public string? Body { get; }

    public int Attempts { get; }

    public bool IsNotFound => Kind == ApiFailureKind.HttpStatus && StatusCode == HttpStatusCode.NotFound;

    /// <summary>Every attempt was refused before acting (e.g. a timeout while waiting out 429s).</summary>
    public bool ProvablyNotActed { get; init; }

    /// <summary>True when the server may have carried out the request although we got no usable answer.</summary>
    public bool MayHaveActed => !ProvablyNotActed && (Kind is ApiFailureKind.TransportAfterSend or ApiFailureKind.Timeout or ApiFailureKind.InvalidResponse
        || (Kind == ApiFailureKind.HttpStatus && (int?)StatusCode >= 500));

    /// <param name="detail">The client's own explanation (why it gave up, what was wrong with a response), shown
    /// before the API's message; <see cref="ApiMessage"/> stays the API's text alone.</param>
    private static string FormatMessage(
        ApiFailureKind kind, string method, string path, HttpStatusCode? status, string? apiMessage, string? body, int attempts, Exception? inner,
        string? detail)
    {
        var what = kind switch
        {
            ApiFailureKind.HttpStatus => $"HTTP {(int?)status} {status}",
            ApiFailureKind.ConnectionFailed => "could not connect",
            ApiFailureKind.TransportAfterSend => "connection lost before a response",
            ApiFailureKind.Timeout => "timed out",
            ApiFailureKind.InvalidResponse => $"unreadable response (HTTP {(int?)status})",
            _ => kind.ToString(),
        };
        // The deadline's own exception only repeats "timed out"; the detail already says which budget ran out.
        var said = apiMessage ?? Excerpt(body) ?? (kind == ApiFailureKind.Timeout || inner is null ? null : Describe(inner));
        var text = string.IsNullOrWhiteSpace(detail) ? said : string.IsNullOrWhiteSpace(said) ? detail : $"{detail}: {said}";
        var tries = attempts > 1 ? $" after {attempts} attempts" : string.Empty;
        return string.IsNullOrWhiteSpace(text)
            ? $"{method} {path}: {what}{tries}"
            : $"{method} {path}: {what}{tries}: {text}";
    }

    /// <summary>The outer message plus the innermost cause: HttpClient's outer message ("An error occurred while
    /// sending the request.") says nothing; the socket error under it ("Connection reset by peer") does.</summary>
    internal static string Describe(Exception ex)
    {
        var innermost = ex;
        while (innermost.InnerException is { } next)
        {
            innermost = next;
        }

        return ReferenceEquals(innermost, ex) || ex.Message.Contains(innermost.Message, StringComparison.Ordinal)
            ? ex.Message
            : $"{ex.Message} ({innermost.Message.TrimEnd('.')})";
    }

    /// <summary>The first 200 characters of a body on one line (an HTML page or pretty-printed JSON would otherwise
    /// spread the message over many lines); the whole capped body stays in <see cref="Body"/>.</summary>
    internal static string? Excerpt(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var oneLine = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length > 200 ? oneLine[..200] + "…" : oneLine;
    }
}
