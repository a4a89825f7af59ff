using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using PortalsProvider.Bench.BareHost.Rpc;

namespace PortalsProvider.Bench.BareHost;

/// <summary>
/// Registers the one RPC explicitly, as the provider does (provider/Pulumi/ResourceProviderMethods.cs), instead of
/// through Grpc.AspNetCore's reflection binder, whose run-time generic type building is the costliest part of a
/// Native AOT gRPC start-up: the floor is the leanest host, not the default one.
/// </summary>
internal sealed class BareMethods : IServiceMethodProvider<BareResourceProvider>
{
    private static readonly Marshaller<Empty> EmptyMarshaller = Marshaller(Empty.Parser);
    private static readonly Marshaller<PluginInfo> PluginInfoMarshaller = Marshaller(PluginInfo.Parser);

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<BareResourceProvider> context) =>
        context.AddUnaryMethod(
            new Method<Empty, PluginInfo>(MethodType.Unary, "pulumirpc.ResourceProvider", "GetPluginInfo", EmptyMarshaller, PluginInfoMarshaller),
            [],
            (service, request, callContext) => service.GetPluginInfo(request, callContext));

    private static Marshaller<T> Marshaller<T>(MessageParser<T> parser)
        where T : class, IMessage<T> =>
        Marshallers.Create(
            (message, context) =>
            {
                context.SetPayloadLength(message.CalculateSize());
                message.WriteTo(context.GetBufferWriter());
                context.Complete();
            },
            context => parser.ParseFrom(context.PayloadAsReadOnlySequence()));
}
