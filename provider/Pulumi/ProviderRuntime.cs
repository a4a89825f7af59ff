using PortalsProvider.Buildkite;
using PortalsProvider.Portals;

namespace PortalsProvider.Pulumi;

/// <summary>
/// The provider's only shared state: the configured client (one <see cref="IPortalsApi"/>, one HttpClient),
/// the engine log and the root cancellation that the Cancel RPC fires into every in-flight call.
/// </summary>
internal sealed class ProviderRuntime(
    Func<BuildkiteClientOptions, IPortalsApi> apiFactory,
    Func<string, string?> environment,
    EngineLog engineLog) : IDisposable
{
    private readonly CancellationTokenSource root = new();
    private readonly AsyncLocal<string?> currentUrn = new();
    private readonly Lock gate = new();
    private PortalService? service;
    private IPortalsApi? api;
    private string? token;

    public EngineLog EngineLog { get; } = engineLog;

    public Func<string, string?> Environment { get; } = environment;

    /// <summary>The configured token, for redaction of error messages only.</summary>
    public string? Token
    {
        get
        {
            lock (gate)
            {
                return token;
            }
        }
    }

    public bool IsCancelled => root.IsCancellationRequested;

    /// <summary>A token cancelled by the caller (the gRPC call) or by the Cancel RPC. Dispose it after the call.</summary>
    public CancellationTokenSource Link(CancellationToken callToken) =>
        CancellationTokenSource.CreateLinkedTokenSource(root.Token, callToken);

    public void Cancel() => root.Cancel();

    /// <summary>The URN of the resource whose call is running on this async flow (for retry notices).</summary>
    public string? CurrentUrn
    {
        get => currentUrn.Value;
        set => currentUrn.Value = value;
    }

    /// <summary>Shows a retry wait to the user as an ephemeral status line on the resource being worked on, so a
    /// long rate-limit wait is not a silent stall. Fire-and-forget: logging never delays or fails the call.</summary>
    public void NotifyRetry(RetryNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var seconds = Math.Ceiling(notice.Delay.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _ = EngineLog.LogAsync(
            Pulumirpc.LogSeverity.Info,
            CurrentUrn ?? string.Empty,
            $"Buildkite API: {notice.Reason} on {notice.Method} {notice.Path}; retrying in {seconds} s (attempt {notice.Attempt + 1})",
            CancellationToken.None,
            ephemeral: true);
    }

    /// <summary>Installs a client for <paramref name="options"/>, replacing (and disposing) any earlier one.</summary>
    public void Configure(BuildkiteClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var created = apiFactory(options);
        IPortalsApi? old;
        lock (gate)
        {
            old = api;
            api = created;
            token = options.ApiToken;
            service = new PortalService(created, options.Organization);
        }

        (old as IDisposable)?.Dispose();
    }

    /// <summary>The configured service, or null before Configure.</summary>
    public PortalService? Service
    {
        get
        {
            lock (gate)
            {
                return service;
            }
        }
    }

    public void Dispose()
    {
        root.Cancel();
        root.Dispose();
        lock (gate)
        {
            (api as IDisposable)?.Dispose();
            api = null;
            service = null;
        }
    }
}
