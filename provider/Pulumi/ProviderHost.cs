using System.Net;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PortalsProvider.Buildkite;

namespace PortalsProvider.Pulumi;

/// <summary>
/// The gRPC host: Kestrel on <c>127.0.0.1:0</c>, HTTP/2 only (the engine dials h2c with prior knowledge),
/// no configuration sources and no logging to stdout (stdout carries the port line only; the caller writes it).
/// Used by <c>Program</c> and, in-process, by tests.
/// </summary>
internal static class ProviderHost
{
    /// <summary>Bound on shutdown: in-flight calls are cancelled first, so this is rarely reached.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    public static async Task<RunningProvider> StartAsync(ProviderHostOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The empty builder, not the slim one: the slim builder reads appsettings*.json from the working directory
        // (the engine starts plugins in the user's project directory) and watches it recursively with inotify,
        // which cost a sixth of start-up even in an empty directory (bench/RESULTS.md). Nothing is configured
        // from files or the environment here, so only Kestrel's core and routing's core are added back.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = [], ApplicationName = ProviderInfo.PluginBinaryName });
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        if (options.LogToStderr)
        {
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(options.LogLevel);
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = options.MaxReceiveMessageBytes;
            o.MaxSendMessageSize = null;
            o.EnableDetailedErrors = false;
            o.Interceptors.Add<StatusDetailCap>();
        });
        // Register the RPCs explicitly instead of through the reflection binder (see ResourceProviderMethods).
        builder.Services.Remove(builder.Services.Single(d =>
            d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType?.Name == "BinderServiceMethodProvider`1"));
        builder.Services.AddSingleton<IServiceMethodProvider<PortalResourceProvider>, ResourceProviderMethods>();
        builder.Services.AddSingleton<EngineLog>();
        builder.Services.AddSingleton(sp =>
        {
            var engineLog = sp.GetRequiredService<EngineLog>();
            engineLog.SetAddress(options.EngineAddress);
            ProviderRuntime? runtime = null;
            runtime = new ProviderRuntime(
                options.ApiFactory ?? (o => BuildkiteClient.Create(o, options.TimeProvider, onRetry: n => runtime?.NotifyRetry(n))),
                options.Environment ?? System.Environment.GetEnvironmentVariable,
                engineLog);
            return runtime;
        });

        var app = builder.Build();
        app.MapGrpcService<PortalResourceProvider>();
        var runtime = app.Services.GetRequiredService<ProviderRuntime>();

        // SIGINT/SIGTERM: cancel in-flight API calls so shutdown is prompt.
        app.Lifetime.ApplicationStopping.Register(runtime.Cancel);
        await app.StartAsync(ct).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new RunningProvider(app, new Uri(address).Port);
    }
}
