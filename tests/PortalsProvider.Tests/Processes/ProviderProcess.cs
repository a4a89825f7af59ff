using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Pulumirpc;

namespace PortalsProvider.Tests.Processes;

/// <summary>The plugin as a separate process, as the engine runs it: flags, then the engine address as the last
/// argument (if any); the port read from the first stdout line, which must be the port and nothing else; every
/// stdout/stderr line kept. By default the built plugin (<c>pulumi-resource-buildkite-portals</c>, copied next to the
/// test assembly because the test project references the provider); <c>PORTALS_PLUGIN_BINARY</c> names a published
/// (e.g. Native AOT) executable to test instead.</summary>
internal sealed class ProviderProcess : IAsyncDisposable
{
    private static readonly TimeSpan PortDeadline = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly GrpcChannel channel;
    private readonly ConcurrentQueue<string> stdout;
    private readonly ConcurrentQueue<string> stderr;
    private bool disposed;

    private ProviderProcess(Process process, int port, ConcurrentQueue<string> stdout, ConcurrentQueue<string> stderr)
    {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        Port = port;
        channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        Client = new ResourceProvider.ResourceProviderClient(channel);
    }

    public int Port { get; }

    public int ProcessId => process.Id;

    public ResourceProvider.ResourceProviderClient Client { get; }

    /// <summary>Everything written to stdout, the port line first (complete once the process has exited).</summary>
    public IReadOnlyList<string> Stdout => [.. stdout];

    public IReadOnlyList<string> Stderr => [.. stderr];

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>The built plugin (or <c>PORTALS_PLUGIN_BINARY</c>); no engine address when <paramref name="engineAddress"/> is null.</summary>
    public static Task<ProviderProcess> StartAsync(string? engineAddress, params string[] flags) =>
        StartAsync(BuiltPlugin(), Environment.CurrentDirectory, [.. flags, .. engineAddress is null ? Array.Empty<string>() : [engineAddress]], sigIntIgnored: false);

    /// <summary>Starts the plugin with SIGINT ignored, as a background job of a non-interactive shell (or a test host
    /// that is one) passes it on: <c>sh</c> sets the ignore and execs the plugin in its own process.</summary>
    public static Task<ProviderProcess> StartWithSigIntIgnoredAsync(string engineAddress) =>
        StartAsync(BuiltPlugin(), Environment.CurrentDirectory, [engineAddress], sigIntIgnored: true);

    /// <summary>A given executable (e.g. one unpacked from the release archive), without arguments.</summary>
    public static Task<ProviderProcess> StartExecutableAsync(string path, string workingDirectory) =>
        StartAsync(new ProcessStartInfo(path), workingDirectory, [], sigIntIgnored: false);

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal (or the engine on cancellation) does.</summary>
    public void Interrupt() => Signal("-INT");

    /// <summary>Sends SIGTERM, as a service manager (or <c>kill</c>) does.</summary>
    public void Terminate() => Signal("-TERM");

    public Task WaitForExitAsync(TimeSpan limit) => process.WaitForExitAsync().WaitAsync(limit);

    /// <summary>Kills the process if still running and waits for it (so its output is complete). Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        channel.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static ProcessStartInfo BuiltPlugin()
    {
        var dir = AppContext.BaseDirectory;
        var apphost = Path.Combine(dir, "pulumi-resource-buildkite-portals");
        var published = Environment.GetEnvironmentVariable("PORTALS_PLUGIN_BINARY");
        return !string.IsNullOrEmpty(published) ? new ProcessStartInfo(published)
            : File.Exists(apphost) && !OperatingSystem.IsWindows() ? new ProcessStartInfo(apphost)
            : new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(dir, "pulumi-resource-buildkite-portals.dll") } };
    }

    private static async Task<ProviderProcess> StartAsync(ProcessStartInfo start, string workingDirectory, string[] args, bool sigIntIgnored)
    {
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        if (sigIntIgnored)
        {
            var shell = new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", "trap '' INT; exec \"$0\" \"$@\"", start.FileName } };
            foreach (var a in start.ArgumentList)
            {
                shell.ArgumentList.Add(a);
            }

            start = shell;
        }

        start.WorkingDirectory = workingDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the provider");
        var stdout = new ConcurrentQueue<string>();
        var stderr = new ConcurrentQueue<string>();
        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                port.TrySetException(new InvalidOperationException("the provider closed stdout before writing its port"));
                return;
            }

            // The handshake: the first line is the port, alone (digits only, as the engine parses it).
            if (stdout.IsEmpty)
            {
                if (e.Data.Length is > 0 and <= 5 && e.Data.All(char.IsAsciiDigit) && int.Parse(e.Data, CultureInfo.InvariantCulture) is > 0 and <= 65535 and var p)
                {
                    port.TrySetResult(p);
                }
                else
                {
                    port.TrySetException(new InvalidOperationException($"the first stdout line is not a port: \"{e.Data}\""));
                }
            }

            stdout.Enqueue(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                stderr.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new ProviderProcess(process, await port.Task.WaitAsync(PortDeadline), stdout, stderr);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            throw;
        }
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { signal, process.Id.ToString(CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
    }
}
