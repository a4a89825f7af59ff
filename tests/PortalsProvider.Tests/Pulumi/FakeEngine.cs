using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pulumirpc;

namespace PortalsProvider.Tests.Pulumi;

/// <summary>A minimal engine: serves <c>pulumirpc.Engine/Log</c> on loopback and records every message.</summary>
internal sealed class FakeEngine : IAsyncDisposable
{
    private readonly WebApplication app;

    private readonly ConcurrentQueue<LogRequest> logs;

    private FakeEngine(WebApplication app, string address, ConcurrentQueue<LogRequest> logs)
    {
        this.app = app;
        Address = address;
        this.logs = logs;
    }

    /// <summary><c>127.0.0.1:port</c>, as the engine passes it.</summary>
    public string Address { get; }

    public static async Task<FakeEngine> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var logs = new ConcurrentQueue<LogRequest>();
        builder.Services.AddSingleton(logs);
        var app = builder.Build();
        app.MapGrpcService<EngineService>();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return new FakeEngine(app, $"127.0.0.1:{address.Port}", logs);
    }

    public IReadOnlyList<LogRequest> Messages => [.. logs];

    private int disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private sealed class EngineService(ConcurrentQueue<LogRequest> logs) : Engine.EngineBase
    {
        public override Task<Empty> Log(LogRequest request, ServerCallContext context)
        {
            logs.Enqueue(request);
            return Task.FromResult(new Empty());
        }
    }
}
