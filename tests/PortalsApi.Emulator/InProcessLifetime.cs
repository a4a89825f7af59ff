using Microsoft.Extensions.Hosting;

namespace PortalsApi.Emulator;

/// <summary>
/// Replaces the console lifetime: an emulator inside a test process must not react to the host's Ctrl+C or SIGTERM
/// (the standalone entry point handles signals itself).
/// </summary>
internal sealed class InProcessLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
