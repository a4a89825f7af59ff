using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;

namespace PortalsProvider.Terraform;

/// <summary>
/// Replaces the console lifetime: Ctrl-C in a terminal reaches the provider too (same process group), but
/// Terraform handles interrupts itself through StopProvider and GRPCController.Shutdown, so SIGINT is ignored.
/// SIGTERM still stops the process gracefully.
/// </summary>
internal sealed class TerraformHostLifetime(IHostApplicationLifetime lifetime) : IHostLifetime, IDisposable
{
    private PosixSignalRegistration? _sigint;
    private PosixSignalRegistration? _sigterm;

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            lifetime.StopApplication();
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _sigint?.Dispose();
        _sigterm?.Dispose();
    }
}
