using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using PortalsApi.Emulator;
using PortalsProvider.Tests.Processes;
using PortalsProvider.Tests.Pulumi;
using Pulumirpc;
using Xunit.Abstractions;

namespace PortalsProvider.Tests.Reliability;

/// <summary>Issue 4 §4: Cancel and SIGINT while calls wait on a held request or a 429 reset. Outcomes are asserted;
/// the measured latency is only reported (artifacts/reliability/cancellation-*.md), never asserted.</summary>
public sealed class CancellationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Cancel_WhileCallsWaitOn429AndHeldRequests_AllEndCancelledNothingHalfCreated()
    {
        await using var host = await EmulatorHost.StartAsync(maxRetries: 3);
        var waiting = await WaitingCalls.StartAsync(host.Client, host.Emulator);

        var since = Stopwatch.GetTimestamp();
        await host.Client.CancelAsync(new Google.Protobuf.WellKnownTypes.Empty());
        var elapsed = await waiting.WaitAllAsync(since);

        foreach (var (name, call) in waiting.Calls)
        {
            Assert.True(await call == StatusCode.Cancelled, $"{name} ended {await call}");
        }

        await waiting.AssertNothingHalfDoneAsync(host.Emulator);
        Report("cancellation-cancel.md", $"| `Cancel` RPC (in-process host) | {waiting.Calls.Count} | CANCELLED | {elapsed.TotalMilliseconds:0} ms | – |");
    }

    [Fact]
    public async Task Sigint_WhileCallsWait_CallsEndAndProcessExits()
    {
        var token = "reliability-" + Guid.NewGuid().ToString("N");
        await using var emulator = await PortalsEmulator.StartAsync(new EmulatorOptions { Token = token, Organization = EmulatorHost.Organization });
        await using var engine = await FakeEngine.StartAsync();
        await using var provider = await ProviderProcess.StartAsync(engine.Address);
        await provider.Client.ConfigureAsync(new ConfigureRequest { Args = EmulatorHost.ConfigArgs(token, emulator.BaseUrl, 3), AcceptSecrets = true });
        var waiting = await WaitingCalls.StartAsync(provider.Client, emulator);

        var since = Stopwatch.GetTimestamp();
        provider.Interrupt();
        var callsEnded = await waiting.WaitAllAsync(since);
        await provider.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var exited = Stopwatch.GetElapsedTime(since);

        foreach (var (name, call) in waiting.Calls)
        {
            var code = await call;
            Assert.True(code is StatusCode.Cancelled or StatusCode.Unavailable, $"{name} ended {code}");
        }

        Assert.Equal(0, provider.ExitCode);
        Assert.Single(provider.Stdout); // the port line, nothing else
        await waiting.AssertNothingHalfDoneAsync(emulator);
        var codes = string.Join(", ", waiting.Calls.Values.Select(c => c.Result).Distinct());
        Report("cancellation-sigint.md", $"| SIGINT (separate process) | {waiting.Calls.Count} | {codes.ToUpperInvariant()} | {callsEnded.TotalMilliseconds:0} ms | {exited.TotalMilliseconds:0} ms (exit code {provider.ExitCode}) |");
    }

    [Fact]
    public async Task Sigint_WhenStartedWithSigIntIgnored_StillStopsTheProvider()
    {
        // The engine's shutdown is Cancel, SIGINT, then SIGKILL 5 s later: a plugin that kept an inherited ignore
        // would be killed instead of exiting (and a test host run as a background job passes the ignore on).
        await using var engine = await FakeEngine.StartAsync();
        await using var provider = await ProviderProcess.StartWithSigIntIgnoredAsync(engine.Address);
        await provider.Client.GetPluginInfoAsync(new Google.Protobuf.WellKnownTypes.Empty());

        provider.Interrupt();
        await provider.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, provider.ExitCode);
        Assert.Single(provider.Stdout);
    }

    private void Report(string file, string row)
    {
        output.WriteLine(row);
        ReliabilityArtifacts.Write(file, row + "\n");
    }
}
