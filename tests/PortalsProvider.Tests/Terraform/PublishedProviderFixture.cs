using System.Reflection;
using PortalsProvider.Tests.Processes;

namespace PortalsProvider.Tests.Terraform;

/// <summary>
/// Publishes the provider once (the build the tests were compiled against, <c>dotnet publish --no-build</c>)
/// into a temporary directory named <c>terraform-provider-portals</c>, adds the Terraform name for the same
/// program (as <c>scripts/publish-terraform.sh</c> does) and writes a CLI config whose <c>dev_overrides</c> point
/// at it: no <c>terraform init</c>, no registry, no network.
/// </summary>
public sealed class PublishedProviderFixture : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("portals-tf-").FullName;

    public string ProviderDirectory => System.IO.Path.Combine(_root, "terraform-provider-portals");

    public string ProviderBinary => System.IO.Path.Combine(ProviderDirectory, OperatingSystem.IsWindows() ? "terraform-provider-portals.exe" : "terraform-provider-portals");

    public string CliConfigFile => System.IO.Path.Combine(_root, "dev.tfrc");

    public string Root => _root;

    public async Task InitializeAsync()
    {
        var repo = FindRepositoryRoot();
        var configuration = typeof(PublishedProviderFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = System.IO.Path.Combine(repo, "provider", "PortalsProvider.csproj");
        var env = new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        var publish = await RunningProcess.RunAsync(
            "dotnet", ["publish", project, "-c", configuration, "--no-build", "-o", ProviderDirectory, "-nologo"],
            repo, env, TimeSpan.FromMinutes(5));
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of the provider failed:\n{publish}");
        }

        var pulumiName = System.IO.Path.Combine(ProviderDirectory, OperatingSystem.IsWindows() ? "pulumi-resource-buildkite-portals.exe" : "pulumi-resource-buildkite-portals");
        File.Copy(pulumiName, ProviderBinary, overwrite: true);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(ProviderBinary, File.GetUnixFileMode(pulumiName));
        }

        await File.WriteAllTextAsync(CliConfigFile, $$"""
            provider_installation {
              dev_overrides {
                "buildkite/portals" = "{{ProviderDirectory.Replace("\\", "/", StringComparison.Ordinal)}}"
              }
              direct {}
            }
            """);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A provider process still exiting may hold a file; the temp directory is cleaned up by the OS.
        }

        return Task.CompletedTask;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PortalsProvider.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (PortalsProvider.sln) above " + AppContext.BaseDirectory);
    }
}
