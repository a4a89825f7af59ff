using PortalsProvider.Tests.Processes;
using PortalsProvider.Tests.Sdk;

namespace PortalsProvider.Tests.Packaging;

/// <summary>
/// Runs <c>scripts/package.sh</c> once for all packaging tests (a publish takes about a minute) in the default
/// mode, the one releases use, into a temporary directory that is deleted afterwards.
/// </summary>
public sealed class PackagedPluginFixture : IAsyncLifetime
{
    private static readonly TimeSpan s_publishTimeout = TimeSpan.FromMinutes(10);

    public string OutDirectory { get; } = Directory.CreateTempSubdirectory("portals-package-test-").FullName;

    public int ExitCode { get; private set; }

    public string Stdout { get; private set; } = "";

    public string Stderr { get; private set; } = "";

    public string ExpectedArchiveName { get; } =
        $"pulumi-resource-buildkite-portals-v{File.ReadAllText(RepoPaths.Of("VERSION")).Trim()}-linux-amd64.tar.gz";

    public string ArchivePath => Path.Combine(OutDirectory, ExpectedArchiveName);

    public async Task InitializeAsync()
    {
        (ExitCode, Stdout, Stderr) = await RunningProcess.RunAsync(
            "bash", [RepoPaths.Of("scripts", "package.sh"), "--out", OutDirectory], RepoPaths.Root, new Dictionary<string, string?>(), s_publishTimeout);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(OutDirectory, recursive: true);
        return Task.CompletedTask;
    }
}
