using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Pulumirpc;

namespace PortalsProvider.Tests.Pulumi;

/// <summary>The built plugin as the engine runs it: a child process whose stdout carries the port line only.</summary>
public sealed class PluginProcessTests
{
    [Theory]
    [InlineData("")]
    [InlineData("--logtostderr -v=9 127.0.0.1:1")]
    public async Task Plugin_PrintsOnlyPortServesAndExitsOnSigterm(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var dll = typeof(ProviderInfo).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await process.StandardOutput.ReadLineAsync(bound.Token);
        Assert.Matches("^[0-9]+$", line);

        using (var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{line}"))
        {
            var info = await new ResourceProvider.ResourceProviderClient(channel).GetPluginInfoAsync(new Empty(), cancellationToken: bound.Token);
            Assert.Equal(ProviderInfo.Version, info.Version);
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(bound.Token);
        }

        var rest = await process.StandardOutput.ReadToEndAsync(bound.Token);
        await process.WaitForExitAsync(bound.Token);
        Assert.Equal(string.Empty, rest);
        Assert.Equal(0, process.ExitCode);
        _ = await stderr;
    }
}
