using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Net.Client;
using Pulumirpc;

namespace PortalsProvider.Tests.Reliability;

/// <summary>The built plugin (<c>pulumi-resource-buildkite-portals</c>, copied next to the test assembly because
/// the test project references the provider) as a separate process, as the engine runs it: engine address as the
/// last argument, the port read from the first stdout line, every later stdout/stderr line kept.</summary>
internal sealed class ProviderProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly GrpcChannel channel;
    private readonly ConcurrentQueue<string> stdout;
    private readonly ConcurrentQueue<string> stderr;

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

    /// <summary>Everything written to stdout, the port line first.</summary>
    public IReadOnlyList<string> Stdout => [.. stdout];

    public IReadOnlyList<string> Stderr => [.. stderr];

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public static Task<ProviderProcess> StartAsync(string engineAddress, params string[] flags) =>
        StartAsync(engineAddress, sigIntIgnored: false, flags);

    /// <summary>Starts the plugin with SIGINT ignored, as a background job of a non-interactive shell (or a test host
    /// that is one) passes it on: <c>sh</c> sets the ignore and execs the plugin in its own process.</summary>
    public static Task<ProviderProcess> StartWithSigIntIgnoredAsync(string engineAddress) =>
        StartAsync(engineAddress, sigIntIgnored: true, []);

    private static async Task<ProviderProcess> StartAsync(string engineAddress, bool sigIntIgnored, string[] flags)
    {
        var dir = AppContext.BaseDirectory;
        var apphost = Path.Combine(dir, "pulumi-resource-buildkite-portals");
        var dll = Path.Combine(dir, "pulumi-resource-buildkite-portals.dll");
        // PORTALS_PLUGIN_BINARY: a published (e.g. Native AOT) executable to test instead, as in PluginProcessTests.
        var published = Environment.GetEnvironmentVariable("PORTALS_PLUGIN_BINARY");
        var start = !string.IsNullOrEmpty(published) ? new ProcessStartInfo(published)
            : File.Exists(apphost) && !OperatingSystem.IsWindows() ? new ProcessStartInfo(apphost)
            : new ProcessStartInfo("dotnet") { ArgumentList = { dll } };
        foreach (var f in flags)
        {
            start.ArgumentList.Add(f);
        }

        start.ArgumentList.Add(engineAddress);
        if (sigIntIgnored)
        {
            var shell = new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", "trap '' INT; exec \"$0\" \"$@\"", start.FileName } };
            foreach (var a in start.ArgumentList)
            {
                shell.ArgumentList.Add(a);
            }

            start = shell;
        }

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

            stdout.Enqueue(e.Data);
            if (int.TryParse(e.Data, out var p))
            {
                port.TrySetResult(p);
            }
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
        return new ProviderProcess(process, await port.Task.WaitAsync(TimeSpan.FromSeconds(60)), stdout, stderr);
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal (or the engine on cancellation) does.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
    }

    public Task WaitForExitAsync(TimeSpan limit) => process.WaitForExitAsync().WaitAsync(limit);

    private bool disposed;

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
}
