using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using PortalsApi.Emulator;
using PortalsProvider.Tests.Processes;
using Pulumirpc;

namespace PortalsProvider.Tests;

/// <summary>The built binary as a process: what goes to stdout and what to stderr in each mode.</summary>
public sealed class ProgramProcessTests
{
    /// <summary>Bounds a hung process so a broken build fails the test instead of stalling the run.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>Runs the built binary to completion, without the caller's <c>BUILDKITE_*</c> variables unless given.</summary>
    private static Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var binary = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "pulumi-resource-buildkite-portals.exe" : "pulumi-resource-buildkite-portals");
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("BUILDKITE_", StringComparison.Ordinal))
            .ToDictionary(k => k, _ => (string?)null, StringComparer.Ordinal);
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            environment[k] = v;
        }

        return RunningProcess.RunAsync(binary, args, Environment.CurrentDirectory, environment, Deadline);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("--logtostderr", "--help")]
    public async Task Help_UsageOnStderrNothingOnStdout(params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(null, args);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("Usage:", stderr, StringComparison.Ordinal);
        Assert.Contains("import-plan", stderr, StringComparison.Ordinal);
        Assert.Contains(ProviderInfo.Version, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoArguments_PrintsOnlyThePortAndServesUntilAttached()
    {
        var provider = await ProviderProcess.StartAsync(engineAddress: null);
        await using (provider)
        {
            using var cts = new CancellationTokenSource(Deadline);
            await provider.Client.AttachAsync(new PluginAttach { Address = "127.0.0.1:1" }, cancellationToken: cts.Token);
            var info = await provider.Client.GetPluginInfoAsync(new Empty(), cancellationToken: cts.Token);
            Assert.Equal(ProviderInfo.Version, info.Version);
            Assert.False(provider.HasExited);
        }

        Assert.Single(provider.Stdout); // the port line, nothing after it (complete: disposing waited for the exit)
    }

    [Fact]
    public async Task ImportPlan_DocumentOnStdoutMessagesOnStderr()
    {
        await using var emu = await PortalsEmulator.StartAsync(new EmulatorOptions { Token = "bkua_process", Organization = "acme" });
        var seeded = emu.Seed("acme", 3);
        var env = new Dictionary<string, string>
        {
            ["BUILDKITE_API_TOKEN"] = "bkua_process",
            ["BUILDKITE_ORGANIZATION_SLUG"] = "acme",
            ["BUILDKITE_REST_URL"] = emu.BaseUrl.ToString(),
        };

        var (code, stdout, stderr) = await RunAsync(env, "import-plan");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var ids = doc.RootElement.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("id").GetString());
        Assert.Equal(seeded.Select(s => s.Uuid).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Contains("3 portals of organization \"acme\"", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("bkua_process", stdout + stderr, StringComparison.Ordinal);
    }
}
