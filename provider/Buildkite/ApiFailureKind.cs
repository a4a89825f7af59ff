namespace PortalsProvider.Buildkite;

/// <summary>Why a call failed, in terms of what the server may have done. The Portals core keys on this (and
/// on the status code), never on message text.</summary>
internal enum ApiFailureKind
{
    /// <summary>The API answered with an error status (see <see cref="BuildkiteApiException.StatusCode"/>).</summary>
    HttpStatus,

    /// <summary>The connection was refused or never established: the server provably did not act.</summary>
    ConnectionFailed,

    /// <summary>The connection broke after the request was sent: the server may have acted.</summary>
    TransportAfterSend,

    /// <summary>The operation's deadline passed (including while waiting to retry): the server may have acted.</summary>
    Timeout,

    /// <summary>A success status arrived with a body that could not be read (truncated or not JSON): the server acted.</summary>
    InvalidResponse,
}
