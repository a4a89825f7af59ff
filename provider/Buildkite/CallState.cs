using System.Net;

namespace PortalsProvider.Buildkite;

/// <summary>Mutable bookkeeping of one HTTP exchange (all its attempts), carried in the Polly context.</summary>
internal sealed class CallState(HttpMethod method, Uri uri, string path, byte[]? body, OperationDeadline deadline)
{
    public HttpMethod Method { get; } = method;

    public Uri Uri { get; } = uri;

    /// <summary>Path and query as shown in errors (no host; the API takes no secrets in the query).</summary>
    public string Path { get; } = path;

    public byte[]? Body { get; } = body;

    public OperationDeadline Deadline { get; } = deadline;

    /// <summary>POST is not idempotent: it is retried only where the API provably did not act.</summary>
    public bool IsIdempotent => Method != HttpMethod.Post;

    public int Attempts { get; set; }

    /// <summary>The wait chosen by the retry predicate for the next attempt (read by Polly's delay generator).</summary>
    public TimeSpan? NextDelay { get; set; }

    public string? NextReason { get; set; }

    /// <summary>An attempt that was retried may nonetheless have been carried out (lost answer, 5xx after acting):
    /// a repeat can then meet the effect of that attempt (e.g. a renamed portal is no longer at its old slug).</summary>
    public bool EarlierAttemptMayHaveActed { get; set; }

    /// <summary>Set when a retry was due but its wait would have run past the deadline.</summary>
    public bool StoppedByDeadline { get; set; }

    /// <summary>Set when a retry was due but the caller had cancelled: the call ends cancelled.</summary>
    public bool StoppedByCancellation { get; set; }

    /// <summary>The deadline stopped a retry after a 429: that attempt provably did not act.</summary>
    public bool StoppedOnRateLimit { get; set; }

    /// <summary>The last error status seen, kept so that a later timeout can still say what the API answered.</summary>
    public HttpStatusCode? LastStatus { get; set; }

    public string? LastErrorBody { get; set; }
}
