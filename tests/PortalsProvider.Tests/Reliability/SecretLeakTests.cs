using System.Collections.Concurrent;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PortalsApi.Emulator;
using PortalsProvider.Portals;
using PortalsProvider.Pulumi;
using PortalsProvider.Tests.Processes;
using PortalsProvider.Tests.Pulumi;
using Pulumirpc;
using Xunit.Abstractions;

namespace PortalsProvider.Tests.Reliability;

/// <summary>
/// Issue 4 §3: the built plugin as a separate process with full diagnostics (<c>--logtostderr -v=9</c>) runs a
/// whole lifecycle, an import (which logs a warning through Engine.Log) and every fault-matrix case. Its stdout
/// and stderr, every Engine.Log message, every RpcException (message, detail, trailers, decoded status details)
/// and every exception message are scanned for the API token and every portal token the emulator ever held.
/// The emulator journal proves no token was ever sent in a URL.
/// </summary>
public sealed class SecretLeakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task LifecycleAndEveryFaultCase_NoTokenInAnyOutputOrUrl()
    {
        var apiToken = "reliability-" + Guid.NewGuid().ToString("N");
        await using var emulator = await PortalsEmulator.StartAsync(new EmulatorOptions { Token = apiToken, Organization = EmulatorHost.Organization });
        await using var engine = await FakeEngine.StartAsync();
        await using var provider = await ProviderProcess.StartAsync(engine.Address, "--logtostderr", "-v=9");
        var client = provider.Client;
        var transcript = new ConcurrentQueue<string>();
        var portalTokens = new HashSet<string>(StringComparer.Ordinal);
        var urls = new List<string>();
        void Harvest()
        {
            foreach (var p in emulator.Portals(EmulatorHost.Organization))
            {
                portalTokens.Add(p.Token);
            }

            urls.AddRange(emulator.Journal.Entries.Select(e => e.PathAndQuery));
        }

        await client.HandshakeAsync(new ProviderHandshakeRequest { EngineAddress = engine.Address });
        var checkConfig = await client.CheckConfigAsync(new CheckRequest
        {
            Urn = "urn:pulumi:dev::proj::pulumi:providers:buildkite-portals::default",
            News = new Struct { Fields = { ["apiToken"] = Value.ForString(apiToken), ["organization"] = Value.ForString(EmulatorHost.Organization) } },
        });
        Assert.True(checkConfig.Inputs.Fields["apiToken"].StructValue.Fields.ContainsKey(StructValues.SigKey), "CheckConfig echoed apiToken unwrapped");
        await Capture(transcript, async () => await client.ConfigureAsync(new ConfigureRequest
        {
            Args = new Struct { Fields = { ["apiToken"] = Value.ForString(apiToken), ["organization"] = Value.ForString("bad org"), ["apiUrl"] = Value.ForString("http://example.com") } },
        }));
        await client.ConfigureAsync(new ConfigureRequest { Args = EmulatorHost.ConfigArgs(apiToken, emulator.BaseUrl, 3), AcceptSecrets = true });

        // A whole lifecycle, import included.
        var inputs = FaultMatrix.Inputs("leak-check", 1, "before");
        var created = await client.CreateAsync(new CreateRequest { Urn = ProviderHarness.Urn, Properties = ProviderHarness.ToStruct(inputs), Timeout = 30 });
        Harvest();
        var news = FaultMatrix.Inputs("leak-check-renamed", 1, "after");
        var updated = await client.UpdateAsync(new UpdateRequest { Id = created.Id, Urn = ProviderHarness.Urn, Olds = created.Properties, OldInputs = ProviderHarness.ToStruct(inputs), News = ProviderHarness.ToStruct(news), Timeout = 30 });
        var read = await client.ReadAsync(new ReadRequest { Id = created.Id, Urn = ProviderHarness.Urn, Properties = updated.Properties, Inputs = ProviderHarness.ToStruct(news), Timeout = 30 });
        Assert.True(ProviderHarness.FromStruct(read.Properties)["token"] is PValue.Secret);
        await client.ReadAsync(new ReadRequest { Id = "leak-check-renamed", Urn = ProviderHarness.Urn, Timeout = 30 });
        await Capture(transcript, async () => await client.CreateAsync(new CreateRequest { Urn = ProviderHarness.Urn, Properties = ProviderHarness.ToStruct(news), Timeout = 30 }));
        await client.DeleteAsync(new DeleteRequest { Id = created.Id, Urn = ProviderHarness.Urn, Properties = read.Properties, Timeout = 30 });
        Harvest();

        // Every fault case (the matrix invariants are checked again, out of process this time).
        var cases = 0;
        foreach (var (op, fault) in FaultMatrix.AllCases)
        {
            await FaultMatrix.RunAsync(client, emulator, op, fault, 1000 + cases++, transcript.Enqueue);
            Harvest();
        }

        await provider.DisposeAsync(); // flush stderr
        var engineLogs = engine.Messages.Select(m => m.Message).ToList();
        var scanned = new List<(string Where, IReadOnlyCollection<string> Texts)>
        {
            ("stdout", provider.Stdout), ("stderr", provider.Stderr), ("Engine.Log", engineLogs), ("errors", [.. transcript]),
        };

        Assert.Single(provider.Stdout); // the port line only
        Assert.Contains(engineLogs, m => m.Contains("imported", StringComparison.Ordinal)); // the scan did see Engine.Log traffic
        Assert.NotEmpty(provider.Stderr); // and diagnostics
        Assert.True(portalTokens.Count > cases / 2, $"only {portalTokens.Count} portal tokens harvested");
        var secrets = portalTokens.Append(apiToken).ToList();
        foreach (var (where, texts) in scanned)
        {
            foreach (var text in texts)
            {
                foreach (var secret in secrets)
                {
                    Assert.False(text.Contains(secret, StringComparison.Ordinal), $"a token ({(secret == apiToken ? "API" : "portal")}) leaked to {where}: {text}");
                }
            }
        }

        Assert.All(urls, u => Assert.DoesNotContain(secrets, s => u.Contains(s, StringComparison.Ordinal)));
        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {cases} fault cases + lifecycle | {provider.Stdout.Count} | {provider.Stderr.Count} | {engineLogs.Count} | {transcript.Count} | {urls.Count} | {portalTokens.Count} portal + 1 API |");
        output.WriteLine(row);
        ReliabilityArtifacts.Write("leak-scan.md", row + "\n");
    }

    private static async Task Capture(ConcurrentQueue<string> transcript, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (RpcException ex)
        {
            FaultMatrix.Record(ex, transcript.Enqueue);
        }
    }
}
