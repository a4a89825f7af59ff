using PortalsApi.Emulator;
using PortalsProvider.Tests.Processes;

namespace PortalsProvider.Tests.Terraform;

/// <summary>
/// One Terraform working directory (implicit local backend, no init) against its own in-process emulator.
/// The provider gets its token and API URL from the environment (the env fallbacks) and its organization from
/// the <c>provider</c> block.
/// </summary>
internal sealed class TerraformWorkspace : IAsyncDisposable
{
    public const string Organization = "acme";
    public const string Token = "tf-e2e-token";

    private readonly PublishedProviderFixture _fixture;

    private TerraformWorkspace(PublishedProviderFixture fixture, PortalsEmulator emulator, string directory)
    {
        _fixture = fixture;
        Emulator = emulator;
        Directory = directory;
    }

    public PortalsEmulator Emulator { get; }

    public string Directory { get; }

    public static async Task<TerraformWorkspace> StartAsync(PublishedProviderFixture fixture)
    {
        if (!TerraformCli.IsAvailable)
        {
            throw new InvalidOperationException(TerraformCli.SkipReason);
        }

        var emulator = await PortalsEmulator.StartAsync(new EmulatorOptions { Token = Token, Organization = Organization });
        var directory = System.IO.Path.Combine(fixture.Root, "work-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        return new TerraformWorkspace(fixture, emulator, directory);
    }

    /// <summary>Writes <c>main.tf</c>: the provider requirement and block, then <paramref name="body"/>.</summary>
    public Task WriteConfigAsync(string body) =>
        File.WriteAllTextAsync(System.IO.Path.Combine(Directory, "main.tf"), $$"""
            terraform {
              required_providers {
                portals = { source = "buildkite/portals" }
              }
            }

            provider "portals" {
              organization = "{{Organization}}"
            }

            {{body}}
            """);

    /// <summary>Runs terraform with the dev-override CLI config; never interactive.</summary>
    public Task<ProcessResult> RunAsync(params string[] args) =>
        RunningProcess.RunAsync(TerraformCli.Path!, args, Directory, Environment(), TerraformCli.CommandTimeout);

    /// <summary>Runs terraform with extra environment variables (null removes one).</summary>
    public Task<ProcessResult> RunWithAsync(IReadOnlyDictionary<string, string?> extra, params string[] args)
    {
        var environment = Environment();
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return RunningProcess.RunAsync(TerraformCli.Path!, args, Directory, environment, TerraformCli.CommandTimeout);
    }

    /// <summary>Starts terraform without waiting (to interrupt it).</summary>
    public RunningProcess Start(params string[] args) => RunningProcess.Start(TerraformCli.Path!, args, Directory, Environment());

    private Dictionary<string, string?> Environment() => new()
    {
        ["TF_CLI_CONFIG_FILE"] = _fixture.CliConfigFile,
        ["CHECKPOINT_DISABLE"] = "1",
        ["TF_IN_AUTOMATION"] = "1",
        ["TF_INPUT"] = "0",
        ["TF_LOG"] = null,
        ["TF_DATA_DIR"] = null,
        ["TF_PLUGIN_CACHE_DIR"] = null,
        ["BUILDKITE_API_TOKEN"] = Token,
        ["BUILDKITE_REST_URL"] = Emulator.BaseUrl.ToString().TrimEnd('/'),
        ["BUILDKITE_ORGANIZATION_SLUG"] = null,
    };

    /// <summary>Runs terraform and fails the test with the full output unless it exits 0.</summary>
    public async Task<ProcessResult> RunOkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"terraform {string.Join(' ', args)} failed:\n{result}");
        return result;
    }

    /// <summary>Creates portals directly in the emulator (outside Terraform).</summary>
    public IReadOnlyList<EmulatedPortal> Seed(params PortalSeed[] portals) => Emulator.Seed(Organization, portals);

    public IReadOnlyList<EmulatedPortal> Portals => Emulator.Portals(Organization);

    /// <summary>Requests that changed something (not GETs), as "METHOD path".</summary>
    public IReadOnlyList<JournalEntry> Writes => [.. Emulator.Journal.Entries.Where(e => e.Method != "GET")];

    public async ValueTask DisposeAsync() => await Emulator.DisposeAsync();
}
