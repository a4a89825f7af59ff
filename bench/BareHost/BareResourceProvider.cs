using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PortalsProvider.Bench.BareHost.Rpc;

namespace PortalsProvider.Bench.BareHost;

/// <summary>Answers GetPluginInfo with a constant: no work beyond what the host itself costs.</summary>
internal sealed class BareResourceProvider : ResourceProvider.ResourceProviderBase
{
    private static readonly PluginInfo Info = new() { Version = "0.0.0" };

    public override Task<PluginInfo> GetPluginInfo(Empty request, ServerCallContext context) => Task.FromResult(Info);
}
