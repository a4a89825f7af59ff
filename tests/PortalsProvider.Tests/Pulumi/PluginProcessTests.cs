using Google.Protobuf.WellKnownTypes;
using PortalsProvider.Tests.Processes;
using Pulumirpc;

namespace PortalsProvider.Tests.Pulumi;

/// <summary>The built plugin as the engine runs it: a child process whose stdout carries the port line only.
/// Set <c>PORTALS_PLUGIN_BINARY</c> to a published (e.g. Native AOT) executable to test that instead.</summary>
public sealed class PluginProcessTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Plugin_PrintsOnlyPortServesAndExitsOnSigterm(bool verboseWithEngineAddress)
    {
        await using var provider = verboseWithEngineAddress
            ? await ProviderProcess.StartAsync("127.0.0.1:1", "--logtostderr", "-v=9")
            : await ProviderProcess.StartAsync(engineAddress: null);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var client = provider.Client;

        var info = await client.GetPluginInfoAsync(new Empty(), cancellationToken: bound.Token);
        Assert.Equal(ProviderInfo.Version, info.Version);
        var check = await client.CheckAsync(new CheckRequest { News = new Struct { Fields = { ["name"] = Value.ForString("n"), ["query"] = Value.ForString("query {") } } }, cancellationToken: bound.Token);
        Assert.Equal("query", Assert.Single(check.Failures).Property);
        var schema = await client.GetSchemaAsync(new GetSchemaRequest(), cancellationToken: bound.Token);
        Assert.Contains("buildkite-portals:index:Portal", schema.Schema);

        provider.Terminate();
        await provider.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Single(provider.Stdout); // the port line, nothing after it
        Assert.Equal(0, provider.ExitCode);
    }
}
