using System.Buffers;
using Grpc.Core;

namespace PortalsProvider.Pulumi;

/// <summary>A zero-length request payload: the generated deserializer turns it into a fresh, empty message.</summary>
internal sealed class EmptyPayload : DeserializationContext
{
    public static readonly EmptyPayload Instance = new();

    public override int PayloadLength => 0;

    public override byte[] PayloadAsNewBuffer() => [];

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => ReadOnlySequence<byte>.Empty;
}
