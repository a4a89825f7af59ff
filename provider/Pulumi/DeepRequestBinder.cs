using System.Runtime.InteropServices;
using Google.Protobuf;
using Grpc.Core;

namespace PortalsProvider.Pulumi;

/// <summary>
/// Binds the generated service methods with request deserializers that allow <see cref="RecursionLimit"/>
/// message levels instead of Google.Protobuf's default 100 (a <c>google.protobuf.Struct</c> level costs 3: Value,
/// Struct, map entry), so a deeply nested property reaches <see cref="StructValues"/>' depth rule and its clear
/// error. Deeper still, the request is refused as INVALID_ARGUMENT rather than the UNKNOWN that an escaping
/// <see cref="InvalidProtocolBufferException"/> becomes (which makes the engine flag the stack as possibly
/// corrupt). The limit also bounds the parser's stack use for any message up to the receive cap.
/// Method names, types and handlers stay the generated ones: this wraps the binder the generated
/// <c>BindService</c> is given and only swaps the request marshaller. No reflection.
/// </summary>
internal sealed class DeepRequestBinder(ServiceBinderBase inner) : ServiceBinderBase
{
    /// <summary>Message levels: about 166 Struct levels, far beyond <see cref="StructValues.MaxDepth"/>. Parsing
    /// costs about 400 bytes of stack per level (measured), so some 200 KiB at most of a 1.5 MiB thread stack.</summary>
    public const int RecursionLimit = 500;

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(WithDeepRequests(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(WithDeepRequests(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(WithDeepRequests(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(WithDeepRequests(method), handler);

    /// <summary>The same method with the raised-limit request deserializer (also used by <see cref="ResourceProviderMethods"/>).</summary>
    internal static Method<TRequest, TResponse> WithDeepRequests<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        var generated = method.RequestMarshaller;
        if (generated.ContextualDeserializer(EmptyPayload.Instance) is not IMessage)
        {
            return method;
        }

        var marshaller = Marshallers.Create(generated.ContextualSerializer, context => Deserialize(generated, context));
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, method.ResponseMarshaller);
    }

    private static T Deserialize<T>(Marshaller<T> generated, DeserializationContext context)
        where T : class
    {
        // A fresh empty message from the generated deserializer, merged from a stream with the raised limit.
        var message = generated.ContextualDeserializer(EmptyPayload.Instance);
        var payload = context.PayloadAsReadOnlySequence();
        using var stream = payload.IsSingleSegment && MemoryMarshal.TryGetArray(payload.First, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(context.PayloadAsNewBuffer(), writable: false);
        using var input = CodedInputStream.CreateWithLimits(stream, int.MaxValue, RecursionLimit);
        try
        {
            ((IMessage)message).MergeFrom(input);
        }
        catch (InvalidProtocolBufferException ex)
        {
            // Google.Protobuf has no distinct type for the recursion limit; its message names "nesting".
            throw new RpcException(new Status(
                StatusCode.InvalidArgument,
                ex.Message.Contains("nesting", StringComparison.Ordinal)
                    ? $"request is nested too deeply: more than {RecursionLimit} message levels (about {RecursionLimit / 3} levels of "
                      + $"nested property values); no property of this provider nests more than {StructValues.MaxDepth} levels"
                    : $"request is not a valid protobuf message: {ex.Message}"));
        }

        return message;
    }
}
