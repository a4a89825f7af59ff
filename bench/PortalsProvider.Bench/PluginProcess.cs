using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Pulumirpc;

namespace PortalsProvider.Bench;

/// <summary>
/// One plugin process started the way the Pulumi engine starts it: exec the binary, read the port from the first
/// stdout line, dial <c>127.0.0.1:&lt;port&gt;</c> over HTTP/2 cleartext.
/// </summary>
internal sealed class PluginProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _stderrPump;
    private GrpcChannel? _channel;

    private PluginProcess(Process process, int port, Task stderrPump)
    {
        _process = process;
        Port = port;
        _stderrPump = stderrPump;
    }

    public int Port { get; }

    /// <summary>Where plugins start (set once from <c>--cwd</c>; the harness's own directory by default).</summary>
    public static string WorkingDirectory { get; set; } = Environment.CurrentDirectory;

    public int Pid => _process.Id;

    /// <summary>The channel to the plugin (created on first use, like the engine's one connection per plugin).</summary>
    public GrpcChannel Channel => _channel ??= CreateChannel(Port);

    public ResourceProvider.ResourceProviderClient Client => new(Channel);

    /// <summary>Starts <paramref name="binary"/> and waits for its port line.</summary>
    public static async Task<PluginProcess> StartAsync(
        string binary, IReadOnlyDictionary<string, string>? environment, CancellationToken ct)
    {
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The engine starts plugins in the project's directory; the harness's working directory stands in.
            WorkingDirectory = WorkingDirectory,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {binary}");
        // Drain stderr so a chatty plugin can never block on a full pipe.
        var stderrPump = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"{binary} exited before printing its port: {await stderrPump}");
            if (!int.TryParse(line.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                throw new InvalidOperationException($"{binary} printed '{line}' instead of a port");
            }

            return new PluginProcess(process, port, stderrPump);
        }
        catch
        {
            KillQuietly(process);
            process.Dispose();
            throw;
        }
    }

    public static GrpcChannel CreateChannel(int port) =>
        GrpcChannel.ForAddress(
            new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"),
            new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });

    /// <summary>Peak resident set size so far (<c>VmHWM</c>), in KiB.</summary>
    public long PeakRssKiB() => ProcStatus.ReadKiB(Pid, "VmHWM");

    /// <summary>On-CPU time of the process so far, in ms (see <see cref="ProcStatus.CpuTimeMs"/>).</summary>
    public double CpuTimeMs() => ProcStatus.CpuTimeMs(Pid);

    /// <summary>Current resident set size (<c>VmRSS</c>), in KiB.</summary>
    public long RssKiB() => ProcStatus.ReadKiB(Pid, "VmRSS");

    public async ValueTask DisposeAsync()
    {
        _channel?.Dispose();
        KillQuietly(_process);
        await _process.WaitForExitAsync(CancellationToken.None);
        try
        {
            await _stderrPump;
        }
        catch (IOException)
        {
        }

        _process.Dispose();
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }
}
