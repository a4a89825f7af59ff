using Grpc.Core;
using Microsoft.Extensions.Hosting;
using PortalsProvider.Terraform.Protocol.GoPlugin;

namespace PortalsProvider.Terraform;

/// <summary>
/// go-plugin's controller. Without it Terraform kills every provider process after two seconds
/// ("plugin failed to exit gracefully") and leaves the socket file behind.
/// </summary>
internal sealed class GrpcControllerService(IHostApplicationLifetime lifetime) : GRPCController.GRPCControllerBase
{
    public override Task<Empty> Shutdown(Empty request, ServerCallContext context)
    {
        // Stopping waits for in-flight calls, this one included, so the reply still reaches the client.
        lifetime.StopApplication();
        return Task.FromResult(new Empty());
    }
}
