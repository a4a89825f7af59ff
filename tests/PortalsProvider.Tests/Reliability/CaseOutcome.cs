namespace PortalsProvider.Tests.Reliability;

/// <summary>How a matrix case ended, as the engine would see it.</summary>
public enum CaseOutcome
{
    /// <summary>The RPC returned normally (a resource, or an empty Delete).</summary>
    Success,

    /// <summary>A gRPC error without details: nothing changed in state.</summary>
    Error,

    /// <summary><c>ErrorResourceInitFailed</c>: the portal exists and the engine keeps its ID.</summary>
    PartialFailure,

    /// <summary>Read returned an empty ID: the portal is gone (or, for an import, was never there).</summary>
    NotFound,
}
