using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using PortalsApi.Emulator;
using Pulumirpc;

namespace PortalsProvider.Tests;

/// <summary>The built binary as a process: what goes to stdout and what to stderr in each mode.</summary>
public sealed class ProgramProcessTests
{
    /// <summary>Bounds a hung process so a broken build fails the test instead of stalling the run.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static ProcessStartInfo Start(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var binary = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "pulumi-resource-buildkite-portals.exe" : "pulumi-resource-buildkite-portals");
        var psi = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("BUILDKITE_", StringComparison.Ordinal)).ToList())
        {
            psi.Environment.Remove(key);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        return psi;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        using var p = Process.Start(Start(env, args))!;
        using var cts = new CancellationTokenSource(Deadline);
        var stdout = p.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = p.StandardError.ReadToEndAsync(cts.Token);
        await p.WaitForExitAsync(cts.Token);
        return (p.ExitCode, await stdout, await stderr);
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
        using var p = Process.Start(Start(null))!;
        try
        {
            using var cts = new CancellationTokenSource(Deadline);
            var line = await p.StandardOutput.ReadLineAsync(cts.Token);
            Assert.Matches("^[0-9]+$", line);
            var port = int.Parse(line!, CultureInfo.InvariantCulture);

            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            var client = new ResourceProvider.ResourceProviderClient(channel);
            await client.AttachAsync(new PluginAttach { Address = "127.0.0.1:1" }, cancellationToken: cts.Token);
            var info = await client.GetPluginInfoAsync(new Empty(), cancellationToken: cts.Token);
            Assert.Equal(ProviderInfo.Version, info.Version);
            Assert.False(p.HasExited);
        }
        finally
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }

        Assert.Equal(string.Empty, await p.StandardOutput.ReadToEndAsync());
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
