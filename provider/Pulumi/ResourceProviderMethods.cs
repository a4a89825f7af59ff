using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Pulumirpc;

namespace PortalsProvider.Pulumi;

/// <summary>
/// Registers every <c>pulumirpc.ResourceProvider</c> method of <see cref="PortalResourceProvider"/> with
/// Grpc.AspNetCore explicitly, in place of its default binder (<see cref="ProviderHost"/> removes that one).
/// </summary>
/// <remarks>
/// Why: the plugin is started on every preview/up, so its start-up is product latency. Under Native AOT the default
/// binder invokes the generated <c>ResourceProvider.BindService</c> by reflection on a binder type made at run time,
/// and each of its per-method generic virtual <c>AddMethod&lt;TRequest, TResponse&gt;</c> calls sends the runtime's
/// type loader building generic types and dictionaries: about 3.8 M instructions per method, 40% of the whole
/// start-up for 16 methods. These calls are statically typed, so the compiler prepares everything ahead of time.
/// Wire names and marshalling are exactly those of the generated code, requests parsed by
/// <see cref="DeepRequestBinder"/> as through <see cref="PortalResourceProvider.BindService"/> (which the default
/// binder would call); a method the service does not override answers UNIMPLEMENTED from the generated base class,
/// as before. A test keeps this list equal to the .proto.
/// </remarks>
internal sealed class ResourceProviderMethods : IServiceMethodProvider<PortalResourceProvider>
{
    public const string ServiceName = "pulumirpc.ResourceProvider";

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<PortalResourceProvider> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Unary(context, "Handshake", ProviderHandshakeRequest.Parser, ProviderHandshakeResponse.Parser, (s, r, c) => s.Handshake(r, c));
        Unary(context, "GetSchema", GetSchemaRequest.Parser, GetSchemaResponse.Parser, (s, r, c) => s.GetSchema(r, c));
        Unary(context, "CheckConfig", CheckRequest.Parser, CheckResponse.Parser, (s, r, c) => s.CheckConfig(r, c));
        Unary(context, "DiffConfig", DiffRequest.Parser, DiffResponse.Parser, (s, r, c) => s.DiffConfig(r, c));
        Unary(context, "Configure", ConfigureRequest.Parser, ConfigureResponse.Parser, (s, r, c) => s.Configure(r, c));
        Unary(context, "Invoke", InvokeRequest.Parser, InvokeResponse.Parser, (s, r, c) => s.Invoke(r, c));
        Unary(context, "Check", CheckRequest.Parser, CheckResponse.Parser, (s, r, c) => s.Check(r, c));
        Unary(context, "Diff", DiffRequest.Parser, DiffResponse.Parser, (s, r, c) => s.Diff(r, c));
        Unary(context, "Create", CreateRequest.Parser, CreateResponse.Parser, (s, r, c) => s.Create(r, c));
        Unary(context, "Read", ReadRequest.Parser, ReadResponse.Parser, (s, r, c) => s.Read(r, c));
        context.AddServerStreamingMethod(
            Method(MethodType.ServerStreaming, "List", ListRequest.Parser, ListResponse.Parser), [], (s, r, w, c) => s.List(r, w, c));
        Unary(context, "Update", UpdateRequest.Parser, UpdateResponse.Parser, (s, r, c) => s.Update(r, c));
        Unary(context, "Delete", DeleteRequest.Parser, Empty.Parser, (s, r, c) => s.Delete(r, c));
        Unary(context, "Cancel", Empty.Parser, Empty.Parser, (s, r, c) => s.Cancel(r, c));
        Unary(context, "GetPluginInfo", Empty.Parser, PluginInfo.Parser, (s, r, c) => s.GetPluginInfo(r, c));
        Unary(context, "Attach", PluginAttach.Parser, Empty.Parser, (s, r, c) => s.Attach(r, c));
    }

    private static void Unary<TRequest, TResponse>(
        ServiceMethodProviderContext<PortalResourceProvider> context,
        string name,
        MessageParser<TRequest> request,
        MessageParser<TResponse> response,
        UnaryServerMethod<PortalResourceProvider, TRequest, TResponse> invoker)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        context.AddUnaryMethod(Method(MethodType.Unary, name, request, response), [], invoker);

    private static Method<TRequest, TResponse> Method<TRequest, TResponse>(
        MethodType type, string name, MessageParser<TRequest> request, MessageParser<TResponse> response)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        // Requests are parsed with DeepRequestBinder's raised recursion limit, exactly as through the generated binding.
        DeepRequestBinder.WithDeepRequests(new Method<TRequest, TResponse>(type, ServiceName, name, Marshaller(request), Marshaller(response)));

    /// <summary>The generated code's marshaller: buffer-writer serialization, parse from the payload sequence.</summary>
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
