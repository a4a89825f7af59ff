using PortalsProvider.Buildkite;
using PortalsProvider.Portals;

namespace PortalsProvider.Terraform;

/// <summary>
/// Per-process provider state: the configured API client and the stop signal. Terraform sends RPCs in
/// parallel, so everything here is safe for concurrent use.
/// </summary>
internal sealed class TerraformProviderState(Func<BuildkiteClientOptions, IPortalsApi> clientFactory) : IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _stop = new();
    private ConfiguredClient? _client;

    /// <summary>The client from ConfigureProvider; a clear error when Terraform calls out of order.</summary>
    public ConfiguredClient Client => Volatile.Read(ref _client)
        ?? throw new TerraformUsageException(
            "The provider \"portals\" is not configured: its configuration failed or is not known yet. Check the provider block and the BUILDKITE_* environment variables.");

    public bool IsConfigured => Volatile.Read(ref _client) is not null;

    public void Configure(BuildkiteClientOptions options)
    {
        var api = clientFactory(options);
        Volatile.Write(ref _client, new ConfiguredClient(options, new PortalService(api, options.Organization)));
    }

    /// <summary>A token for one RPC: cancelled when the call is cancelled or when StopProvider arrives.</summary>
    public CancellationTokenSource LinkCall(CancellationToken callToken)
    {
        lock (_gate)
        {
            return CancellationTokenSource.CreateLinkedTokenSource(callToken, _stop.Token);
        }
    }

    /// <summary>StopProvider: cancels in-flight work; later calls run normally (as Terraform's own SDK does).</summary>
    public void Stop()
    {
        CancellationTokenSource stopped;
        lock (_gate)
        {
            stopped = _stop;
            _stop = new CancellationTokenSource();
        }

        stopped.Cancel();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stop.Dispose();
        }
    }
}
