using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace PortalsProvider.Pulumi;

/// <summary>A started provider host: its port and how to stop it.</summary>
internal sealed class RunningProvider(WebApplication app, int port) : IAsyncDisposable
{
    /// <summary>The loopback port the gRPC server listens on (HTTP/2 cleartext).</summary>
    public int Port { get; } = port;

    public string Address => $"http://127.0.0.1:{Port}";

    /// <summary>Completes when the host shuts down (SIGINT/SIGTERM, or <see cref="StopAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken ct = default) => app.WaitForShutdownAsync(ct);

    public Task StopAsync(CancellationToken ct = default) => app.StopAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
