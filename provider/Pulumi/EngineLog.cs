using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Pulumirpc;

namespace PortalsProvider.Pulumi;

/// <summary>
/// User-facing messages through the engine's <c>Log</c> RPC (stdout is reserved for the port line, and the
/// engine hides a plugin's stderr). The engine address comes from the command line, Handshake or Attach. If no
/// engine is reachable, messages go to the diagnostic log (stderr) only: logging never fails an operation.
/// </summary>
internal sealed partial class EngineLog(ILogger<EngineLog> logger) : IDisposable
{
    /// <summary>A log call must not hold up a resource operation for long.</summary>
    private static readonly TimeSpan LogTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private GrpcChannel? channel;
    private Engine.EngineClient? client;

    public string? Address { get; private set; }

    public void SetAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return;
        }

        lock (gate)
        {
            if (address == Address)
            {
                return;
            }

            channel?.Dispose();
            Address = address;
            channel = GrpcChannel.ForAddress(address.Contains("://", StringComparison.Ordinal) ? address : "http://" + address);
            client = new Engine.EngineClient(channel);
        }
    }

    public Task WarnAsync(string urn, string message, CancellationToken ct) => LogAsync(LogSeverity.Warning, urn, message, ct);

    public Task InfoAsync(string urn, string message, CancellationToken ct) => LogAsync(LogSeverity.Info, urn, message, ct);

    public async Task LogAsync(LogSeverity severity, string urn, string message, CancellationToken ct, bool ephemeral = false)
    {
        LogMessage(logger, severity, urn, message);
        Engine.EngineClient? c;
        lock (gate)
        {
            c = client;
        }

        if (c is null)
        {
            return;
        }

        try
        {
            await c.LogAsync(
                new LogRequest { Severity = severity, Message = message, Urn = urn ?? string.Empty, Ephemeral = ephemeral },
                deadline: DateTime.UtcNow.Add(LogTimeout),
                cancellationToken: ct).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            LogFailed(logger, Address, ex.Status.Detail);
        }
        catch (InvalidOperationException ex)
        {
            LogFailed(logger, Address, ex.Message);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            channel?.Dispose();
            channel = null;
            client = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "engine log ({Severity}) {Urn}: {Message}")]
    private static partial void LogMessage(ILogger logger, LogSeverity severity, string urn, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "engine log to {Address} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string? address, string reason);
}
