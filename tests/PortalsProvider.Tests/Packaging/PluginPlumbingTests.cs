using System.Runtime.Versioning;
using PortalsProvider.Tests.Processes;
using PortalsProvider.Tests.Sdk;

namespace PortalsProvider.Tests.Packaging;

/// <summary>
/// What lets the Pulumi CLI run the provider from source (PulumiPlugin.yaml, `runtime: dotnet`) and the
/// packaging script's argument handling: fast checks that need no publish.
/// </summary>
public sealed class PluginPlumbingTests
{
    [Fact]
    public void PulumiPluginYaml_DeclaresDotnetRuntime()
    {
        var lines = File.ReadAllLines(RepoPaths.Of("provider", "PulumiPlugin.yaml"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        Assert.Equal(["runtime: dotnet"], lines);
    }

    [Fact]
    public void ProviderDirectory_HasNoLaunchSettings()
    {
        // `dotnet run` (how the .NET language host runs a source plugin) would apply launchSettings.json.
        var found = Directory.EnumerateFiles(RepoPaths.Of("provider"), "launchSettings.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        Assert.Empty(found);
    }

    [Fact]
    public void ProviderDirectory_HoldsExactlyOneProject()
    {
        // The language host runs `dotnet build <dir>` / `dotnet run --project <dir>`: one project file, no solution.
        var projects = Directory.GetFiles(RepoPaths.Of("provider"), "*.*proj").Concat(Directory.GetFiles(RepoPaths.Of("provider"), "*.sln*"));
        Assert.Equal(["PortalsProvider.csproj"], projects.Select(Path.GetFileName));
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public void PackageScript_IsExecutable()
    {
        var mode = File.GetUnixFileMode(RepoPaths.Of("scripts", "package.sh"));
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), $"mode is {mode}");
    }

    [Theory]
    [InlineData("--mode", "bogus", "unknown --mode 'bogus'")]
    [InlineData("--rid", "plan9-mips", "unsupported --rid 'plan9-mips'")]
    [InlineData("--frobnicate", "", "unknown argument: --frobnicate")]
    public async Task PackageScript_BadArgument_FailsBeforePublishingWithAMessage(string flag, string value, string message)
    {
        string[] arguments = value.Length == 0 ? [flag] : [flag, value];
        var (exitCode, stdout, stderr) = await RunningProcess.RunAsync(
            "bash", [RepoPaths.Of("scripts", "package.sh"), .. arguments], RepoPaths.Root, new Dictionary<string, string?>(), TimeSpan.FromMinutes(1));

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains(message, stderr);
    }
}
