namespace PortalsApi.Emulator;

/// <summary>Configuration of one emulator instance. Only <see cref="Token"/> and <see cref="Organization"/> are required.</summary>
public sealed record EmulatorOptions
{
    /// <summary>The scopes the Portals REST API knows about; a token without explicit scopes holds both.</summary>
    public static IReadOnlyList<string> AllScopes { get; } = ["read_portals", "write_portals"];

    /// <summary>The API access token accepted as <c>Authorization: Bearer &lt;Token&gt;</c>.</summary>
    public required string Token { get; init; }

    /// <summary>The organization slug served under <c>/v2/organizations/{slug}/portals</c>.</summary>
    public required string Organization { get; init; }

    /// <summary>More organization slugs the emulator serves (every accepted token can use every organization).</summary>
    public IReadOnlyList<string> AdditionalOrganizations { get; init; } = [];

    /// <summary>Scopes of <see cref="Token"/>; <c>null</c> (default) means every scope (<see cref="AllScopes"/>).</summary>
    public IReadOnlyCollection<string>? Scopes { get; init; }

    /// <summary>More accepted tokens, each with its scopes (for example <c>["read_portals"]</c> to provoke 403 on writes).</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> Tokens { get; init; } =
        new Dictionary<string, IReadOnlyCollection<string>>();

    /// <summary>
    /// When set, each organization may make this many REST requests per 60-second window; beyond it the emulator answers
    /// 429 like Buildkite. When <c>null</c> nothing is enforced and the headers report Buildkite's default of 200.
    /// </summary>
    public int? RateLimitPerMinute { get; init; }

    /// <summary>
    /// When set, each token may make this many requests per 60-second window (Buildkite's per-user limit, 50 by
    /// default there): responses then also carry <c>RateLimit-User-*</c> headers and the request beyond it gets 429
    /// with <c>"scope":"rest_user"</c>. When <c>null</c> (default) there is no per-user window and no such headers.
    /// </summary>
    public int? UserRateLimitPerMinute { get; init; }

    /// <summary>Clock for <c>created_at</c>, journal timestamps and rate-limit windows (use a FakeTimeProvider in tests).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Loopback port to listen on; 0 (default) picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>ASP.NET Core console logging, to stderr; off by default.</summary>
    public bool Logging { get; init; }

    /// <summary>
    /// Unknown for portals (pipelines do it): when true, a <c>PUT</c> that changes <c>name</c> without sending a
    /// <c>slug</c> re-derives the slug from the new name. Default false (the slug only changes when sent).
    /// </summary>
    public bool RegenerateSlugOnNameChange { get; init; }

    /// <summary>The user reported as <c>created_by</c> of portals created through the API or seeded.</summary>
    public EmulatedUser User { get; init; } = EmulatedUser.Default;
}
