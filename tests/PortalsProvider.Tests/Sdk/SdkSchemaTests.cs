using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PortalsProvider.Tests.Sdk;

/// <summary>
/// Keeps the C# SDK (sdk/dotnet) equal to the provider's schema (provider/schema.json) without compiling it against
/// Pulumi: the sources are parsed with Roslyn and compared entry by entry (see <see cref="SdkSchemaComparer"/>).
/// </summary>
public sealed class SdkSchemaTests
{
    private static readonly Lazy<IReadOnlyList<SchemaMismatch>> s_mismatches =
        new(() => SdkSchemaComparer.Compare(LoadSchema(), LoadSdk()));

    internal static JsonObject LoadSchema() =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.Of("provider", "schema.json")))!.AsObject();

    internal static SdkSources LoadSdk() => SdkSources.FromDirectory(RepoPaths.Of("sdk", "dotnet"));

    public static TheoryData<string> SchemaGroups() => new(SdkSchemaComparer.Groups(LoadSchema()));

    [Theory]
    [MemberData(nameof(SchemaGroups))]
    public void Sdk_SchemaEntry_MatchesSchema(string group)
    {
        var mismatches = s_mismatches.Value.Where(m => m.Group == group).ToList();
        Assert.True(mismatches.Count == 0,
            $"sdk/dotnet differs from provider/schema.json ({group}):\n  " + string.Join("\n  ", mismatches));
    }

    [Fact]
    public void Sdk_WholeSchema_NoMismatchInAnyGroup()
    {
        // Catches mismatches filed under a group the theory above does not enumerate.
        Assert.True(s_mismatches.Value.Count == 0,
            "sdk/dotnet differs from provider/schema.json:\n  " + string.Join("\n  ", s_mismatches.Value));
    }

    [Fact]
    public void Schema_Version_EqualsVersionFile()
    {
        var version = File.ReadAllText(RepoPaths.Of("VERSION")).Trim();
        Assert.Equal(version, LoadSchema()["version"]!.GetValue<string>());
    }

    [Fact]
    public void SdkProject_Evaluated_TakesVersionAndVersionResourceFromVersionFile()
    {
        // Evaluation only (no restore, no compile), so this runs where the Pulumi package cannot be restored.
        var project = RepoPaths.Of("sdk", "dotnet", "Pulumi.BuildkitePortals.csproj");
        var json = RunDotnet("msbuild", project, "-getProperty:Version", "-getProperty:PackageId",
            "-getProperty:TreatWarningsAsErrors", "-getProperty:ManagePackageVersionsCentrally", "-getItem:EmbeddedResource",
            "-getItem:PackageVersion");
        using var doc = JsonDocument.Parse(json);
        var properties = doc.RootElement.GetProperty("Properties");
        var items = doc.RootElement.GetProperty("Items");

        Assert.Equal(File.ReadAllText(RepoPaths.Of("VERSION")).Trim(), properties.GetProperty("Version").GetString());
        Assert.Equal("Pulumi.BuildkitePortals", properties.GetProperty("PackageId").GetString());
        var versionResource = Assert.Single(items.GetProperty("EmbeddedResource").EnumerateArray(),
            r => r.GetProperty("LogicalName").GetString() == "Pulumi.BuildkitePortals.version.txt");
        Assert.Equal(Path.GetFullPath(RepoPaths.Of("VERSION")), versionResource.GetProperty("FullPath").GetString());

        // The repository's warnings-as-errors and central versions must not reach a user's build of the SDK.
        Assert.NotEqual("true", properties.GetProperty("TreatWarningsAsErrors").GetString());
        var packages = items.GetProperty("PackageVersion").EnumerateArray()
            .Select(p => p.GetProperty("Identity").GetString()).ToList();
        Assert.Equal(["Pulumi"], packages);
    }

    [Fact]
    public void SdkProject_PluginJsonTarget_WritesNameAndVersionIntoObjAndPacksThem()
    {
        // Runs only the target that writes pulumi-plugin.json and content/version.txt (no restore, no compile),
        // with the project's own IntermediateOutputPath: the files must land under obj/, not beside the sources.
        var directory = RepoPaths.Of("sdk", "dotnet");
        var json = RunDotnet("msbuild", Path.Combine(directory, "Pulumi.BuildkitePortals.csproj"), "-t:WritePulumiPluginJson",
            "-getProperty:PulumiPluginJsonPath", "-getProperty:PackedVersionTxtPath", "-getItem:EmbeddedResource", "-getItem:None");
        using var doc = JsonDocument.Parse(json);
        var properties = doc.RootElement.GetProperty("Properties");
        var items = doc.RootElement.GetProperty("Items");
        var pluginJson = Path.GetFullPath(Path.Combine(directory, properties.GetProperty("PulumiPluginJsonPath").GetString()!.Replace('\\', '/')));
        var versionTxt = Path.GetFullPath(Path.Combine(directory, properties.GetProperty("PackedVersionTxtPath").GetString()!.Replace('\\', '/')));
        try
        {
            var obj = Path.Combine(directory, "obj") + Path.DirectorySeparatorChar;
            Assert.StartsWith(obj, pluginJson, StringComparison.Ordinal);
            Assert.StartsWith(obj, versionTxt, StringComparison.Ordinal);

            var version = File.ReadAllText(RepoPaths.Of("VERSION")).Trim();
            using var plugin = JsonDocument.Parse(File.ReadAllText(pluginJson));
            Assert.True(plugin.RootElement.GetProperty("resource").GetBoolean());
            Assert.Equal(LoadSchema()["name"]!.GetValue<string>(), plugin.RootElement.GetProperty("name").GetString());
            Assert.Equal(version, plugin.RootElement.GetProperty("version").GetString());
            Assert.Equal(version, File.ReadAllText(versionTxt).Trim());

            Assert.Contains(items.GetProperty("EmbeddedResource").EnumerateArray(),
                r => r.GetProperty("LogicalName").GetString() == "Pulumi.BuildkitePortals.pulumi-plugin.json");
            var packed = items.GetProperty("None").EnumerateArray()
                .Where(i => i.TryGetProperty("PackagePath", out _))
                .Select(i => i.GetProperty("PackagePath").GetString())
                .ToList();
            Assert.Contains("content/pulumi-plugin.json", packed);
            Assert.Contains("content/version.txt", packed);
        }
        finally
        {
            File.Delete(pluginJson);
            File.Delete(versionTxt);
        }
    }

    [Fact]
    public void Solution_DoesNotBuildTheSdk()
    {
        // The Pulumi package cannot be restored in this build environment; the default build must not try.
        var solution = File.ReadAllText(RepoPaths.Of("PortalsProvider.sln"));
        Assert.DoesNotContain("Pulumi.BuildkitePortals.csproj", solution, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("BuildkitePortalsExample.csproj", solution, StringComparison.OrdinalIgnoreCase);
    }

    internal static string RunDotnet(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)} failed: {stdout}\n{stderr.Result}");
        return stdout;
    }
}
