using System.Runtime.CompilerServices;
using System.Text.Json;
using PortalsProvider.Portals;
using PortalsProvider.Pulumi;

namespace PortalsProvider.Tests.Pulumi;

public sealed class PulumiSchemaTests
{
    private static string CommittedPath([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "../../../provider/schema.json"));

    [Fact]
    public void Json_EqualsCommittedSchemaFile()
    {
        var path = CommittedPath();
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, PulumiSchema.Json);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run with UPDATE_SCHEMA=1 to write it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), PulumiSchema.Json);
    }

    [Fact]
    public void Json_VersionIsProviderVersion()
    {
        using var doc = JsonDocument.Parse(PulumiSchema.Json);
        Assert.Equal(ProviderInfo.Version, doc.RootElement.GetProperty("version").GetString());
        Assert.Equal("buildkite-portals", doc.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public void Json_ResourcePropertiesMatchPropertyTable()
    {
        using var doc = JsonDocument.Parse(PulumiSchema.Json);
        var portal = doc.RootElement.GetProperty("resources").GetProperty(ProviderInfo.ResourceToken);
        var props = portal.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        var inputs = portal.GetProperty("inputProperties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(PortalProperties.All.Select(p => p.Name), props);
        Assert.Equal(PortalProperties.Inputs.Select(p => p.Name), inputs);
        Assert.Equal(["name", "query"], portal.GetProperty("requiredInputs").EnumerateArray().Select(e => e.GetString()));
        Assert.True(portal.GetProperty("properties").GetProperty("token").GetProperty("secret").GetBoolean());
        Assert.DoesNotContain("token", portal.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        foreach (var p in PortalProperties.All)
        {
            Assert.Equal(p.Description, portal.GetProperty("properties").GetProperty(p.Name).GetProperty("description").GetString());
        }
    }

    [Fact]
    public void Json_ConfigVariablesMatchConfigTable()
    {
        using var doc = JsonDocument.Parse(PulumiSchema.Json);
        var variables = doc.RootElement.GetProperty("config").GetProperty("variables");
        var providerInputs = doc.RootElement.GetProperty("provider").GetProperty("inputProperties");
        Assert.Equal(PortalProperties.Config.Select(c => c.Name), variables.EnumerateObject().Select(p => p.Name));
        Assert.Equal(PortalProperties.Config.Select(c => c.Name), providerInputs.EnumerateObject().Select(p => p.Name));
        Assert.True(variables.GetProperty("apiToken").GetProperty("secret").GetBoolean());
        Assert.Equal("integer", variables.GetProperty("maxRetries").GetProperty("type").GetString());
    }

    [Fact]
    public void Json_CSharpLanguageSettings()
    {
        using var doc = JsonDocument.Parse(PulumiSchema.Json);
        var cs = doc.RootElement.GetProperty("language").GetProperty("csharp");
        Assert.Equal("Pulumi", cs.GetProperty("rootNamespace").GetString());
        Assert.True(cs.GetProperty("respectSchemaVersion").GetBoolean());
    }

    [Fact]
    public void Json_FunctionsOmitTokenFromOutputs()
    {
        using var doc = JsonDocument.Parse(PulumiSchema.Json);
        var functions = doc.RootElement.GetProperty("functions");
        var getPortal = functions.GetProperty(PulumiSchema.GetPortalToken).GetProperty("outputs").GetProperty("properties");
        Assert.False(getPortal.TryGetProperty("token", out _));
        Assert.True(getPortal.TryGetProperty("url", out _));
        Assert.True(functions.TryGetProperty(PulumiSchema.GetPortalsToken, out _));
    }
}
