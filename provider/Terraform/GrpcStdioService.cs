using Grpc.Core;
using Microsoft.Extensions.Hosting;
using PortalsProvider.Terraform.Protocol.GoPlugin;

namespace PortalsProvider.Terraform;

/// <summary>
/// go-plugin's stdio stream. Our logs go to stderr directly, so the stream stays open and empty until the
/// client hangs up or the process stops (answering Unimplemented would only add a debug line to TF_LOG).
/// </summary>
internal sealed class GrpcStdioService(IHostApplicationLifetime lifetime) : GRPCStdio.GRPCStdioBase
{
    public override async Task StreamStdio(Google.Protobuf.WellKnownTypes.Empty request, IServerStreamWriter<StdioData> responseStream, ServerCallContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = linked.Token.Register(() => closed.TrySetResult());
        await closed.Task.ConfigureAwait(false);
    }
}
