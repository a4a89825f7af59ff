namespace PortalsProvider.Tests.Reliability;

/// <summary>The columns of the fault matrix: what the emulator does to the operation's first request of its method.</summary>
public enum MatrixFault
{
    /// <summary>No fault: the baseline.</summary>
    None,

    /// <summary>One 429 with <c>RateLimit-Reset: 1</c>.</summary>
    RateLimited,

    /// <summary>Every request 429 with a reset (10 s) longer than the operation timeout (5 s).</summary>
    RateLimitStorm,

    /// <summary>One 500 with an nginx HTML body.</summary>
    Http500,

    Http502,

    Http503,

    Http504,

    /// <summary>Connection reset before the server acted.</summary>
    ResetBeforeActing,

    /// <summary>The server acted, then reset the connection.</summary>
    ResetAfterActing,

    /// <summary>The response is delayed far beyond the operation timeout.</summary>
    Latency,

    /// <summary>The server acted and sent half the JSON body.</summary>
    TruncatedJson,

    /// <summary>200 with an HTML page (a captive proxy); the server did not act.</summary>
    NonJson200,

    Http401,

    Http403,

    /// <summary>One 404 <c>No portal found</c>.</summary>
    Http404,

    /// <summary>One 422 with a Rails-style validation message.</summary>
    Http422,
}
