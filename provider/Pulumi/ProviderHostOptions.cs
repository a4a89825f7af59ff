using Microsoft.Extensions.Logging;
using PortalsProvider.Buildkite;

namespace PortalsProvider.Pulumi;

/// <summary>How to start the provider host. Defaults are the plugin's production settings.</summary>
internal sealed record ProviderHostOptions
{
    /// <summary>The engine's <c>host:port</c> for <c>Engine.Log</c>; null until Handshake/Attach supplies one.</summary>
    public string? EngineAddress { get; init; }

    /// <summary>Creates the API client for a configuration (tests inject fakes); null: the real Buildkite client.</summary>
    public Func<BuildkiteClientOptions, IPortalsApi>? ApiFactory { get; init; }

    /// <summary>Environment variable lookup for config fallbacks; null: the process environment.</summary>
    public Func<string, string?>? Environment { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Diagnostics to stderr (<c>--logtostderr</c>); otherwise the provider logs nothing at all.</summary>
    public bool LogToStderr { get; init; }

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Largest accepted request. The engine allows 400 MiB; no portal comes close to this, and a
    /// bound keeps a runaway request from exhausting memory. Larger requests fail with RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageBytes { get; init; } = 64 * 1024 * 1024;
}
