namespace PortalsProvider.Portals;

/// <summary>What kind of failure an API call ended in, for front ends to map onto their own status codes.</summary>
internal enum PortalFailure
{
    /// <summary>400/422: the API rejected the request's content.</summary>
    InvalidRequest,

    /// <summary>401: token missing, invalid or expired.</summary>
    Unauthenticated,

    /// <summary>403: token lacks a scope or the user is not an administrator.</summary>
    PermissionDenied,

    /// <summary>404.</summary>
    NotFound,

    /// <summary>409.</summary>
    Conflict,

    /// <summary>429 after all retries.</summary>
    RateLimited,

    /// <summary>5xx or transport fault after all retries; connection refused.</summary>
    Unavailable,

    /// <summary>The operation's deadline passed.</summary>
    Timeout,

    /// <summary>Anything else (unexpected status, unreadable response).</summary>
    Other,
}
