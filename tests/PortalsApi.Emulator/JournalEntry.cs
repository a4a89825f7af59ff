namespace PortalsApi.Emulator;

/// <summary>One request the emulator received on the REST surface (control-plane requests are not journaled).</summary>
public sealed record JournalEntry
{
    /// <summary>1-based arrival order.</summary>
    public required long Sequence { get; init; }

    /// <summary>When the request arrived, by the emulator's <see cref="EmulatorOptions.TimeProvider"/>.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>HTTP method, upper case.</summary>
    public required string Method { get; init; }

    /// <summary>Path without the query string, e.g. <c>/v2/organizations/acme/portals</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The query string including <c>?</c>, or empty.</summary>
    public required string Query { get; init; }

    /// <summary>Request headers (multiple values joined with <c>", "</c>), names case-insensitive, secrets included.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>The request body as text (empty when none).</summary>
    public required string Body { get; init; }

    /// <summary>Status the emulator produced (for <see cref="FaultKind.AbortAfterActing"/> the one the client never saw); 0 when none.</summary>
    public required int Status { get; init; }

    /// <summary>The fault that answered or shaped this request, or <c>null</c> when served normally.</summary>
    public FaultKind? Fault { get; init; }

    /// <summary>True when the connection was aborted (by a fault or because the client gave up) instead of answered.</summary>
    public bool Aborted { get; init; }

    /// <summary>Path plus query string.</summary>
    public string PathAndQuery => Path + Query;

    /// <summary>The bearer token sent, or <c>null</c>.</summary>
    public string? BearerToken =>
        Headers.TryGetValue("Authorization", out var value) && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? value["Bearer ".Length..].Trim()
            : null;

    /// <summary>The value of a header, or <c>null</c>.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The headers with the <c>Authorization</c> value replaced by <c>[redacted]</c>, safe to print.</summary>
    public IReadOnlyDictionary<string, string> RedactedHeaders() =>
        Headers.ToDictionary(
            h => h.Key,
            h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase) ? "[redacted]" : h.Value,
            StringComparer.OrdinalIgnoreCase);
}
