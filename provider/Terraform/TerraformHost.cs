using System.Net;
using System.Net.Sockets;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using HealthStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace PortalsProvider.Terraform;

/// <summary>
/// The Terraform front end: serves tfplugin6 over go-plugin from the same executable as the Pulumi plugin.
/// </summary>
internal static partial class TerraformHost
{
    /// <summary>The executable name Terraform looks for in a provider directory.</summary>
    public const string BinaryName = "terraform-provider-portals";

    /// <summary>go-plugin's health service name.</summary>
    private const string HealthServiceName = "plugin";

    /// <summary>
    /// True when this process should be the Terraform provider: Terraform launched it (the magic cookie is set)
    /// or it runs under the name <c>terraform-provider-portals</c> (so that running it by hand explains itself).
    /// </summary>
    public static bool IsTerraformLaunch() =>
        Environment.GetEnvironmentVariable(GoPluginHandshake.CookieKey) is not null
        || Path.GetFileNameWithoutExtension(Environment.ProcessPath ?? string.Empty)
            .StartsWith(BinaryName, StringComparison.Ordinal);

    /// <summary>Runs the plugin until Terraform shuts it down. Returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["--version" or "-v" or "version"])
        {
            await Console.Out.WriteLineAsync($"{BinaryName} {ProviderInfo.Version}").ConfigureAwait(false);
            return 0;
        }

        if (!GoPluginHandshake.HasValidCookie(Environment.GetEnvironmentVariable))
        {
            await Console.Error.WriteLineAsync(GoPluginHandshake.NotAPluginMessage).ConfigureAwait(false);
            return 1;
        }

        var offered = Environment.GetEnvironmentVariable(GoPluginHandshake.ProtocolVersionsKey);
        if (GoPluginHandshake.NegotiateProtocol(offered) is null)
        {
            await Console.Error.WriteLineAsync(
                $"{BinaryName} speaks plugin protocol {GoPluginHandshake.AppProtocolVersion} (Terraform 1.0 or later), " +
                $"but this client offers only \"{offered}\". Upgrade Terraform.").ConfigureAwait(false);
            return 1;
        }

        var clientCertificate = AutoMtls.ParseClientCertificate(Environment.GetEnvironmentVariable(GoPluginHandshake.ClientCertKey));
        using var serverCertificate = clientCertificate is null ? null : AutoMtls.CreateServerCertificate(TimeProvider.System);
        try
        {
            // go-plugin listens on a unix socket everywhere but Windows, where it uses TCP on loopback.
            var socketPath = !OperatingSystem.IsWindows() && Socket.OSSupportsUnixDomainSockets ? NewSocketPath() : null;
            try
            {
                return await ServeAsync(socketPath, clientCertificate, serverCertificate, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException) when (socketPath is not null)
            {
                // A unix socket could not be bound (e.g. a read-only or over-long temp path): fall back to TCP,
                // which Terraform accepts just as well.
                return await ServeAsync(null, clientCertificate, serverCertificate, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            clientCertificate?.Dispose();
        }
    }

    private static async Task<int> ServeAsync(
        string? socketPath,
        System.Security.Cryptography.X509Certificates.X509Certificate2? clientCertificate,
        System.Security.Cryptography.X509Certificates.X509Certificate2? serverCertificate,
        CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            // Never read appsettings.json from Terraform's working directory.
            ContentRootPath = AppContext.BaseDirectory,
        });
        ConfigureLogging(builder.Logging);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            void Configure(ListenOptions listen)
            {
                listen.Protocols = HttpProtocols.Http2;
                if (serverCertificate is not null && clientCertificate is not null)
                {
                    listen.UseHttps(new HttpsConnectionAdapterOptions
                    {
                        ServerCertificate = serverCertificate,
                        ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                        ClientCertificateValidation = (presented, _, _) => AutoMtls.IsExpectedClient(presented, clientCertificate),
                        SslProtocols = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13,
                    });
                }
            }

            if (socketPath is not null)
            {
                kestrel.ListenUnixSocket(socketPath, Configure);
            }
            else
            {
                kestrel.Listen(IPAddress.Loopback, 0, Configure);
            }
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton<IHostLifetime, TerraformHostLifetime>();
        builder.Services.AddGrpc(o =>
        {
            // Terraform's own SDK allows 256 MiB each way; the default 4 MiB could cut off large states.
            o.MaxReceiveMessageSize = 256 * 1024 * 1024;
            o.MaxSendMessageSize = 256 * 1024 * 1024;
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<HealthServiceImpl>();
        TerraformServices.Add(builder.Services);

        await using var app = builder.Build();
        app.MapGrpcService<TerraformProviderService>();
        app.MapGrpcService<GrpcControllerService>();
        app.MapGrpcService<GrpcStdioService>();
        app.MapGrpcService<HealthServiceImpl>();
        var health = app.Services.GetRequiredService<HealthServiceImpl>();
        health.SetStatus(HealthServiceName, HealthStatus.Serving);
        health.SetStatus(string.Empty, HealthStatus.Serving);

        try
        {
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (socketPath is not null && ex is not OperationCanceledException)
            {
                throw new IOException($"Could not listen on {socketPath}.", ex);
            }

            var (network, address) = socketPath is not null ? ("unix", socketPath) : ("tcp", BoundTcpAddress(app));
            var line = GoPluginHandshake.FormatLine(network, address, serverCertificate is null ? default : serverCertificate.RawData);

            // The first stdout line is the handshake; afterwards stdout is redirected to stderr so that nothing
            // can ever corrupt it.
            var stdout = Console.Out;
            await stdout.WriteLineAsync(line).ConfigureAwait(false);
            await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
            Console.SetOut(Console.Error);
            LogServing(app.Logger, network, address, serverCertificate is not null);

            var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
            using var stop = cancellationToken.Register(lifetime.StopApplication);
            await app.WaitForShutdownAsync(CancellationToken.None).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            if (socketPath is not null)
            {
                File.Delete(socketPath);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving tfplugin6 on {Network} {Address} (AutoMTLS: {Tls})")]
    private static partial void LogServing(ILogger logger, string network, string address, bool tls);

    private static string BoundTcpAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var uri = new Uri(addresses.First());
        return $"127.0.0.1:{uri.Port}";
    }

    /// <summary>
    /// A fresh path in the temp directory (or <c>PLUGIN_UNIX_SOCKET_DIR</c>), as go-plugin picks one; null (use TCP)
    /// when the directory is missing or the path would exceed the 108-byte socket address limit.
    /// </summary>
    private static string? NewSocketPath()
    {
        var directory = Environment.GetEnvironmentVariable(GoPluginHandshake.UnixSocketDirKey);
        if (string.IsNullOrEmpty(directory))
        {
            directory = Path.GetTempPath();
        }

        var path = Path.Combine(directory, $"plugin{Guid.NewGuid():N}"[..18]);
        return Directory.Exists(directory) && System.Text.Encoding.UTF8.GetByteCount(path) < 104 ? path : null;
    }

    /// <summary>
    /// Logs go to stderr only (the console logger writes to stdout by default, which would break the handshake).
    /// Terraform shows them with TF_LOG; the level follows TF_LOG_PROVIDER / TF_LOG.
    /// </summary>
    private static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var level = (Environment.GetEnvironmentVariable("TF_LOG_PROVIDER") ?? Environment.GetEnvironmentVariable("TF_LOG"))?.ToUpperInvariant() switch
        {
            "TRACE" or "JSON" => LogLevel.Trace,
            "DEBUG" => LogLevel.Debug,
            "INFO" => LogLevel.Information,
            "WARN" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            _ => LogLevel.Warning,
        };
        logging.SetMinimumLevel(level);

        // ASP.NET Core's per-request chatter would drown the provider's own lines at debug level.
        logging.AddFilter("Microsoft", level == LogLevel.Trace ? LogLevel.Trace : LogLevel.Warning);
        logging.AddFilter("Grpc", level == LogLevel.Trace ? LogLevel.Trace : LogLevel.Warning);
    }
}
