using System.Diagnostics;
using Grpc.Core;
using PortalsApi.Emulator;
using PortalsProvider.Portals;
using PortalsProvider.Tests.Pulumi;
using Pulumirpc;

namespace PortalsProvider.Tests.Reliability;

/// <summary>Four resource calls parked on the emulator (Create, Update and Delete held by Hang faults, Read waiting
/// out a 30 s rate-limit reset) with a 120 s operation timeout, for the Cancel and SIGINT tests.</summary>
internal sealed class WaitingCalls
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private WaitingCalls(Dictionary<string, Task<StatusCode>> calls, string existingUuid)
    {
        Calls = calls;
        ExistingUuid = existingUuid;
    }

    public Dictionary<string, Task<StatusCode>> Calls { get; }

    public string ExistingUuid { get; }

    public static async Task<WaitingCalls> StartAsync(ResourceProvider.ResourceProviderClient client, PortalsEmulator emulator)
    {
        var inputs = FaultMatrix.Inputs("cancel-me", 1, "before");
        var created = await client.CreateAsync(new CreateRequest { Urn = ProviderHarness.Urn, Properties = ProviderHarness.ToStruct(inputs), Timeout = 30 });
        var rules = new[]
        {
            emulator.Faults.Add(new FaultRule { Kind = FaultKind.Hang, Method = "POST" }),
            emulator.Faults.Add(new FaultRule { Kind = FaultKind.Hang, Method = "PUT" }),
            emulator.Faults.Add(new FaultRule { Kind = FaultKind.Hang, Method = "DELETE" }),
            emulator.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit, Method = "GET", ResetSeconds = 30 }),
        };
        const double timeout = 120;
        var calls = new Dictionary<string, Task<StatusCode>>
        {
            ["Create"] = Status(client.CreateAsync(new CreateRequest { Urn = ProviderHarness.Urn, Properties = ProviderHarness.ToStruct(FaultMatrix.Inputs("cancel-new", 2, "x")), Timeout = timeout }).ResponseAsync),
            ["Update"] = Status(client.UpdateAsync(new UpdateRequest
            {
                Id = created.Id, Urn = ProviderHarness.Urn, Olds = created.Properties, OldInputs = ProviderHarness.ToStruct(inputs),
                News = ProviderHarness.ToStruct(FaultMatrix.Inputs("cancel-me", 1, "after")), Timeout = timeout,
            }).ResponseAsync),
            ["Delete"] = Status(client.DeleteAsync(new DeleteRequest { Id = created.Id, Urn = ProviderHarness.Urn, Properties = created.Properties, Timeout = timeout }).ResponseAsync),
            ["Read (waiting on 429)"] = Status(client.ReadAsync(new ReadRequest { Id = created.Id, Urn = ProviderHarness.Urn, Properties = created.Properties, Timeout = timeout }).ResponseAsync),
        };

        using var cts = new CancellationTokenSource(Patience);
        foreach (var rule in rules)
        {
            await rule.WaitForHitsAsync(1, cts.Token);
        }

        return new WaitingCalls(calls, created.Id);
    }

    /// <summary>Waits (bounded) for every call to end; returns the time from <paramref name="since"/>.</summary>
    public async Task<TimeSpan> WaitAllAsync(long since)
    {
        await Task.WhenAll(Calls.Values).WaitAsync(Patience);
        return Stopwatch.GetElapsedTime(since);
    }

    /// <summary>Nothing half-done: the held POST/PUT/DELETE were aborted, not applied, once the emulator saw the
    /// client go; only the portal created before the test exists, unchanged.</summary>
    public async Task AssertNothingHalfDoneAsync(PortalsEmulator emulator)
    {
        using var cts = new CancellationTokenSource(Patience);
        foreach (var method in new[] { "POST", "PUT", "DELETE" })
        {
            await emulator.Journal.WaitForAsync(e => e.Method == method && e.Aborted, cts.Token);
        }

        emulator.Faults.Clear();
        var portal = Assert.Single(emulator.Portals(EmulatorHost.Organization));
        Assert.Equal(ExistingUuid, portal.Uuid);
        Assert.Equal("before", portal.Description);
    }

    private static async Task<StatusCode> Status<T>(Task<T> call)
    {
        try
        {
            await call;
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }
}
