using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using PortalsProvider.Pulumi;
using PortalsProvider.Tests.Pulumi;
using Pulumirpc;

namespace PortalsProvider.Tests.Reliability;

/// <summary>Issue 4 §2: oversized messages and deeply nested Structs get a clean error and the provider keeps serving.</summary>
public sealed class MessageLimitsTests
{
    [Fact]
    public async Task Check_MessageOverReceiveLimit_ResourceExhaustedAndStillServing()
    {
        await using var h = await ProviderHarness.StartAsync(maxReceiveBytes: 1024 * 1024);
        await h.ConfigureAsync();
        var news = new Struct { Fields = { ["name"] = Value.ForString(new string('x', 2 * 1024 * 1024)), ["query"] = Value.ForString("{ a }") } };
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await h.Client.CheckAsync(new CheckRequest { Urn = ProviderHarness.Urn, News = news }));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.NotNull(await h.Client.GetPluginInfoAsync(new Empty()));
    }

    /// <summary>20 Struct levels: beyond the decoder's limit (StructValues.MaxDepth counts Struct and Value
    /// levels), within even protobuf's default recursion limit (100 message levels = 33 Struct levels, as each map
    /// entry is a message too).</summary>
    [Fact]
    public async Task CheckDiffCreate_DeeplyNestedStruct_InvalidArgumentAndStillServing()
    {
        await using var h = await ProviderHarness.StartAsync();
        await h.ConfigureAsync();
        var deep = Nested(20);
        var news = new Struct { Fields = { ["name"] = Value.ForString("n"), ["query"] = Value.ForString("{ a }"), ["description"] = deep } };
        var calls = new Func<Task>[]
        {
            async () => await h.Client.CheckAsync(new CheckRequest { Urn = ProviderHarness.Urn, News = news }),
            async () => await h.Client.DiffAsync(new DiffRequest { Id = "u", Urn = ProviderHarness.Urn, Olds = news, News = news }),
            async () => await h.Client.CreateAsync(new CreateRequest { Urn = ProviderHarness.Urn, Properties = news }),
            async () => await h.Client.CheckConfigAsync(new CheckRequest { Urn = ProviderHarness.Urn, News = new Struct { Fields = { ["organization"] = deep } } }),
        };
        foreach (var (call, i) in calls.Select((c, i) => (c, i)))
        {
            var ex = await Assert.ThrowsAsync<RpcException>(call);
            Assert.True(ex.StatusCode is StatusCode.InvalidArgument, $"call {i}: {ex.StatusCode}: {ex.Status.Detail}");
            Assert.Contains($"is nested more than {StructValues.MaxDepth} levels deep", ex.Status.Detail, StringComparison.Ordinal);
        }

        Assert.Empty(h.Api.Portals);
        Assert.NotNull(await h.Client.GetPluginInfoAsync(new Empty()));
    }

    /// <summary>Nested past protobuf's default recursion limit (100 message levels ≈ 33 Struct levels) and past our
    /// raised one (<see cref="DeepRequestBinder.RecursionLimit"/> ≈ 166 Struct levels): never UNKNOWN (which makes the
    /// engine flag the stack as possibly corrupt) but INVALID_ARGUMENT naming the property or the nesting, from every
    /// Struct-carrying RPC, over real gRPC; nothing is created and the host keeps serving. The requests are serialized
    /// as raw bytes on a large-stack thread, as 5000 levels would overflow the test's own stack in the protobuf writer.</summary>
    [Theory]
    [InlineData(33)]
    [InlineData(60)]
    [InlineData(200)]
    [InlineData(5000)]
    public async Task CheckDiffCreateCheckConfig_NestedBeyondProtobufRecursionLimit_InvalidArgumentAndStillServing(int levels)
    {
        await using var h = await ProviderHarness.StartAsync();
        await h.ConfigureAsync();
        using var channel = GrpcChannel.ForAddress(new Uri($"http://127.0.0.1:{h.Port}"));
        var invoker = channel.CreateCallInvoker();
        var deep = Nested(levels);
        var news = new Struct { Fields = { ["name"] = Value.ForString("n"), ["query"] = Value.ForString("{ a }"), ["description"] = deep } };
        var calls = new (string Method, IMessage Request, string Property)[]
        {
            ("Check", new CheckRequest { Urn = ProviderHarness.Urn, News = news }, "description"),
            ("Diff", new DiffRequest { Id = "u", Urn = ProviderHarness.Urn, Olds = news, News = news }, "description"),
            ("Create", new CreateRequest { Urn = ProviderHarness.Urn, Properties = news }, "description"),
            ("CheckConfig", new CheckRequest { Urn = ProviderHarness.Urn, News = new Struct { Fields = { ["organization"] = deep } } }, "organization"),
        };
        foreach (var (method, request, property) in calls)
        {
            var bytes = SerializeOnLargeStack(request);
            var ex = await Assert.ThrowsAsync<RpcException>(async () => await invoker.AsyncUnaryCall(RawMethod(method), null, default, bytes));
            Assert.True(ex.StatusCode is StatusCode.InvalidArgument, $"{method} at {levels} levels: {ex.StatusCode}: {ex.Status.Detail}");
            var expected = levels * 3 < DeepRequestBinder.RecursionLimit
                ? $"property \"{property}\" is nested more than {StructValues.MaxDepth} levels deep"
                : "request is nested too deeply";
            Assert.Contains(expected, ex.Status.Detail, StringComparison.Ordinal);
        }

        Assert.Empty(h.Api.Portals);
        Assert.NotNull(await h.Client.GetPluginInfoAsync(new Empty()));
        Assert.Empty((await h.Client.CheckAsync(new CheckRequest { Urn = ProviderHarness.Urn, News = new Struct { Fields = { ["name"] = Value.ForString("n"), ["query"] = Value.ForString("{ a }") } } })).Failures);
    }

    /// <summary>Bytes that are not a protobuf message are a bad argument too, not UNKNOWN.</summary>
    [Fact]
    public async Task Check_MalformedRequest_InvalidArgumentAndStillServing()
    {
        await using var h = await ProviderHarness.StartAsync();
        using var channel = GrpcChannel.ForAddress(new Uri($"http://127.0.0.1:{h.Port}"));
        var truncated = new CheckRequest { Urn = ProviderHarness.Urn }.ToByteArray()[..^3];
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await channel.CreateCallInvoker().AsyncUnaryCall(RawMethod("Check"), null, default, truncated));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("not a valid protobuf message", ex.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(await h.Client.GetPluginInfoAsync(new Empty()));
    }

    private static Method<byte[], byte[]> RawMethod(string name)
    {
        var raw = Marshallers.Create(b => b, b => b);
        return new Method<byte[], byte[]>(MethodType.Unary, ResourceProvider.Descriptor.FullName, name, raw, raw);
    }

    private static byte[] SerializeOnLargeStack(IMessage message)
    {
        byte[]? bytes = null;
        var thread = new Thread(() => bytes = message.ToByteArray(), maxStackSize: 256 * 1024 * 1024);
        thread.Start();
        thread.Join();
        return bytes ?? throw new InvalidOperationException("serialization failed");
    }

    private static Value Nested(int levels)
    {
        var deep = Value.ForString("leaf");
        for (var i = 0; i < levels; i++)
        {
            deep = Value.ForStruct(new Struct { Fields = { ["x"] = deep } });
        }

        return deep;
    }
}
