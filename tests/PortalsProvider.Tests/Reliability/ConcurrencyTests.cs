using System.Diagnostics;
using System.Globalization;
using PortalsApi.Emulator;
using PortalsProvider.Portals;
using PortalsProvider.Tests.Pulumi;
using Pulumirpc;
using Xunit.Abstractions;

namespace PortalsProvider.Tests.Reliability;

/// <summary>Issue 4 §4: 64 whole lifecycles at once through one provider (one configured client, so one
/// HttpClient), with every 16th request rate-limited. The figures are reported, not asserted.</summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    private const int Lifecycles = 64;

    [Fact]
    public async Task Lifecycles64_Concurrent_AllSucceedOneClientNoCrossTalk()
    {
        await using var host = await EmulatorHost.StartAsync(maxRetries: 5);
        host.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit, EveryNth = 16, ResetSeconds = 1 });
        var since = Stopwatch.GetTimestamp();
        var tokens = await Task.WhenAll(Enumerable.Range(0, Lifecycles).Select(i => Task.Run(() => LifecycleAsync(host.Client, i))));
        var elapsed = Stopwatch.GetElapsedTime(since);

        Assert.Equal(Lifecycles, tokens.Distinct().Count()); // each create got its own token back, none crossed over
        Assert.Empty(host.Emulator.Portals(EmulatorHost.Organization));
        Assert.Equal(Lifecycles, host.Emulator.Journal.Entries.Count(e => e.Method == "POST" && e.Status == 201));
        Assert.Equal(1, host.ClientsCreated); // one configured client, shared by every call

        var requests = host.Emulator.Journal.Entries.Count;
        var limited = host.Emulator.Journal.Entries.Count(e => e.Status == 429);
        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {Lifecycles} | {Lifecycles * 5} | {requests} | {limited} | {elapsed.TotalSeconds:0.0} s | {Lifecycles * 5 / elapsed.TotalSeconds:0} RPC/s |");
        output.WriteLine(row);
        ReliabilityArtifacts.Write("concurrency.md", row + "\n");
    }

    /// <summary>Create → Read → Update (rename) → Read → Delete; checks each answer belongs to this lifecycle.</summary>
    private static async Task<string> LifecycleAsync(ResourceProvider.ResourceProviderClient client, int i)
    {
        const double timeout = 60;
        var slug = $"concurrent-{i}";
        var inputs = FaultMatrix.Inputs(slug, i, "before");
        var created = await client.CreateAsync(new CreateRequest { Urn = ProviderHarness.Urn + i, Properties = ProviderHarness.ToStruct(inputs), Timeout = timeout });
        var state = ProviderHarness.FromStruct(created.Properties);
        Assert.Equal(new PValue.Str(slug), state["slug"]);
        var token = Assert.IsType<PValue.Str>(Assert.IsType<PValue.Secret>(state["token"]).Inner).Value;

        var read = await client.ReadAsync(new ReadRequest { Id = created.Id, Urn = ProviderHarness.Urn + i, Properties = created.Properties, Inputs = ProviderHarness.ToStruct(inputs), Timeout = timeout });
        Assert.Equal(created.Id, read.Id);

        var news = FaultMatrix.Inputs(slug + "-renamed", i, "after");
        var updated = await client.UpdateAsync(new UpdateRequest
        {
            Id = created.Id, Urn = ProviderHarness.Urn + i, Olds = read.Properties, OldInputs = ProviderHarness.ToStruct(inputs), News = ProviderHarness.ToStruct(news), Timeout = timeout,
        });
        var after = ProviderHarness.FromStruct(updated.Properties);
        Assert.Equal(new PValue.Str(slug + "-renamed"), after["slug"]);
        Assert.Equal(new PValue.Secret(new PValue.Str(token)), after["token"]);

        var reread = await client.ReadAsync(new ReadRequest { Id = created.Id, Urn = ProviderHarness.Urn + i, Properties = updated.Properties, Inputs = ProviderHarness.ToStruct(news), Timeout = timeout });
        Assert.Equal(new PValue.Str("after"), ProviderHarness.FromStruct(reread.Properties)["description"]);

        await client.DeleteAsync(new DeleteRequest { Id = created.Id, Urn = ProviderHarness.Urn + i, Properties = reread.Properties, Timeout = timeout });
        return token;
    }
}
