namespace PortalsApi.Emulator;

/// <summary>What a <see cref="FaultRule"/> does to a matching request.</summary>
public enum FaultKind
{
    /// <summary>429 with Buildkite's rate-limit body; <c>RateLimit-Reset</c> and <c>Retry-After</c> headers. The server does not act.</summary>
    RateLimit,

    /// <summary>5xx (<see cref="FaultRule.Status"/>, default 500) with an HTML body, as from a proxy. Does not act unless <see cref="FaultRule.AfterActing"/>.</summary>
    ServerError,

    /// <summary>A fixed status (401, 403, 404, 422, …) with a JSON <c>{"message"}</c> body. Does not act unless <see cref="FaultRule.AfterActing"/>.</summary>
    Status,

    /// <summary>200 with an HTML (non-JSON) body. Does not act unless <see cref="FaultRule.AfterActing"/>.</summary>
    NonJson,

    /// <summary>The connection is aborted before the server acts: nothing changes.</summary>
    AbortBeforeActing,

    /// <summary>The server acts (the operation is applied), then the connection is aborted instead of answering.</summary>
    AbortAfterActing,

    /// <summary>The server acts, then sends its real status and headers with only the first half of the JSON body.</summary>
    TruncatedJson,

    /// <summary>Waits <see cref="FaultRule.Delay"/> of real (wall-clock) time, then serves the request normally.</summary>
    Delay,

    /// <summary>Holds the request until <see cref="FaultHandle.Release"/>, the client gives up, or the emulator stops; then serves it normally.</summary>
    Hang,
}
