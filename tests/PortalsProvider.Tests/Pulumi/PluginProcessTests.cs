using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Pulumirpc;

namespace PortalsProvider.Tests.Pulumi;

/// <summary>The built plugin as the engine runs it: a child process whose stdout carries the port line only.
/// Set <c>PORTALS_PLUGIN_BINARY</c> to a published (e.g. Native AOT) executable to test that instead of the dll.</summary>
public sealed class PluginProcessTests
{
    [Theory]
    [InlineData("")]
    [InlineData("--logtostderr -v=9 127.0.0.1:1")]
    public async Task Plugin_PrintsOnlyPortServesAndExitsOnSigterm(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var binary = Environment.GetEnvironmentVariable("PORTALS_PLUGIN_BINARY");
        var start = new ProcessStartInfo(string.IsNullOrEmpty(binary) ? "dotnet" : binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (string.IsNullOrEmpty(binary))
        {
            start.ArgumentList.Add(typeof(ProviderInfo).Assembly.Location);
        }

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
            var client = new ResourceProvider.ResourceProviderClient(channel);
            var info = await client.GetPluginInfoAsync(new Empty(), cancellationToken: bound.Token);
            Assert.Equal(ProviderInfo.Version, info.Version);
            var check = await client.CheckAsync(new CheckRequest { News = new Struct { Fields = { ["name"] = Value.ForString("n"), ["query"] = Value.ForString("query {") } } }, cancellationToken: bound.Token);
            Assert.Equal("query", Assert.Single(check.Failures).Property);
            var schema = await client.GetSchemaAsync(new GetSchemaRequest(), cancellationToken: bound.Token);
            Assert.Contains("buildkite-portals:index:Portal", schema.Schema);
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
