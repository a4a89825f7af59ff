using PortalsApi.Emulator;

namespace PortalsProvider.Tests.Terraform;

/// <summary>The real CLI when things go wrong: a lost create response and an interrupt during apply.</summary>
[Collection(TerraformCliGroup.Name)]
public sealed class TerraformCliFailureTests(PublishedProviderFixture fixture)
{
    private const string Config = """
        resource "portals_portal" "p" {
          name  = "Flaky"
          slug  = "flaky"
          query = "query { viewer { user { name } } }"
        }
        """;

    [TerraformFact]
    public async Task Apply_CreateResponseLost_PortalKeptInStateAsTainted()
    {
        await using var ws = await TerraformWorkspace.StartAsync(fixture);
        await ws.WriteConfigAsync(Config);
        ws.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TruncatedJson, Method = "POST", Count = 1 });

        var apply = await ws.RunAsync("apply", "-no-color", "-input=false", "-auto-approve");

        Assert.NotEqual(0, apply.ExitCode);
        Assert.Contains("Portal created but not completed", apply.Output);
        var portal = Assert.Single(ws.Portals); // created once, never re-POSTed
        Assert.Single(ws.Writes);
        var state = await File.ReadAllTextAsync(System.IO.Path.Combine(ws.Directory, "terraform.tfstate"));
        Assert.Contains(portal.Uuid, state);
        Assert.Contains("\"status\": \"tainted\"", state);

        var plan = await ws.RunOkAsync("plan", "-no-color", "-input=false");
        Assert.Contains("is tainted, so must be replaced", plan.Stdout);
    }

    [TerraformFact]
    public async Task Apply_RateLimitedOnce_RetriesAndLogsWhy()
    {
        await using var ws = await TerraformWorkspace.StartAsync(fixture);
        await ws.WriteConfigAsync(Config);
        ws.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit, Method = "POST", Count = 1, ResetSeconds = 1 });

        var apply = await ws.RunWithAsync(new Dictionary<string, string?> { ["TF_LOG"] = "debug" },
            "apply", "-no-color", "-input=false", "-auto-approve");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Single(ws.Portals);
        Assert.Equal(2, ws.Emulator.Journal.Entries.Count(e => e.Method == "POST"));
        Assert.Contains("POST /v2/organizations/acme/portals: rate limited", apply.Stderr);
    }

    [TerraformFact]
    public async Task Apply_TcpFallbackWithoutTls_Works()
    {
        await using var ws = await TerraformWorkspace.StartAsync(fixture);
        await ws.WriteConfigAsync(Config);

        // No usable socket directory: the provider listens on loopback TCP instead; TLS off is Terraform's
        // plaintext mode (no PLUGIN_CLIENT_CERT).
        var apply = await ws.RunWithAsync(
            new Dictionary<string, string?> { ["PLUGIN_UNIX_SOCKET_DIR"] = "/nonexistent/portals-socket-dir", ["TF_DISABLE_PLUGIN_TLS"] = "1", ["TF_LOG"] = "debug" },
            "apply", "-no-color", "-input=false", "-auto-approve");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Contains("Serving tfplugin6 on tcp 127.0.0.1:", apply.Stderr);
        Assert.Contains("(AutoMTLS: False)", apply.Stderr);
        Assert.Single(ws.Portals);
    }

    [TerraformFact]
    public async Task Apply_Interrupted_StopProviderCancelsTheHangingCall()
    {
        await using var ws = await TerraformWorkspace.StartAsync(fixture);
        await ws.WriteConfigAsync(Config);
        var hang = ws.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Hang, Method = "POST" });

        using var apply = ws.Start("apply", "-no-color", "-input=false", "-auto-approve");
        using (var until = new CancellationTokenSource(TerraformCli.CommandTimeout))
        {
            await hang.WaitForHitsAsync(1, until.Token); // the create is in flight and held
        }

        await apply.InterruptAsync();
        var result = await apply.WaitAsync(TerraformCli.CommandTimeout);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Interrupt received", result.Output);
        Assert.Contains("Cancelled while applying the portal change", result.Output);
        Assert.Empty(ws.Portals); // the held POST never acted
    }
}
