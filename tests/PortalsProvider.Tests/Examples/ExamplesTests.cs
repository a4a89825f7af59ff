using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PortalsProvider.Tests.Sdk;
using YamlDotNet.RepresentationModel;

namespace PortalsProvider.Tests.Examples;

/// <summary>
/// Keeps the examples runnable as the schema evolves: every property they set exists, the required ones are set,
/// one portal sets only the required inputs and one sets every input, and their GraphQL documents parse.
/// (The Pulumi CLI and the Pulumi package are not available here, so the examples cannot be run in tests.)
/// </summary>
public sealed class ExamplesTests
{
    private const string PortalToken = "buildkite-portals:index:Portal";
    private const string ProviderToken = "pulumi:providers:buildkite-portals";

    private static readonly JsonObject s_schema = SdkSchemaTests.LoadSchema();
    private static readonly JsonObject s_portal = s_schema["resources"]![PortalToken]!.AsObject();

    private static IReadOnlySet<string> Inputs => s_portal["inputProperties"]!.AsObject().Select(p => p.Key).ToHashSet();

    private static IReadOnlySet<string> RequiredInputs =>
        s_portal["requiredInputs"]!.AsArray().Select(n => n!.GetValue<string>()).ToHashSet();

    [Fact]
    public void YamlExample_Portals_AreOneMinimalAndOneWithEveryInput()
    {
        var portals = YamlResources(PortalToken).Select(r => PropertyNames(r.Properties)).ToList();

        Assert.Equal(2, portals.Count);
        Assert.Contains(portals, p => p.SetEquals(RequiredInputs));
        Assert.Contains(portals, p => p.SetEquals(Inputs));
    }

    [Fact]
    public void YamlExample_PortalProperties_AreSchemaInputsOfTheRightShape()
    {
        foreach (var (name, properties) in YamlResources(PortalToken))
        {
            foreach (var (key, value) in properties.Children.Select(c => (((YamlScalarNode)c.Key).Value!, c.Value)))
            {
                var spec = s_portal["inputProperties"]![key]?.AsObject();
                Assert.True(spec != null, $"{name}.{key} is not an input of {PortalToken}");
                var type = spec["type"]?.GetValue<string>();
                Assert.True(type == "array" ? value is YamlSequenceNode : value is YamlScalarNode, $"{name}.{key} should be a {type}");
            }
        }
    }

    [Fact]
    public void YamlExample_Provider_SetsOnlySchemaProviderInputs()
    {
        var provider = Assert.Single(YamlResources(ProviderToken));
        var inputs = s_schema["provider"]!["inputProperties"]!.AsObject().Select(p => p.Key).ToHashSet();

        Assert.Subset(inputs, PropertyNames(provider.Properties));
        Assert.Contains("apiUrl", PropertyNames(provider.Properties));
    }

    [Fact]
    public void YamlExample_EveryPortalUsesTheExplicitProvider()
    {
        var root = LoadYaml(RepoPaths.Of("examples", "yaml", "Pulumi.yaml"));
        var providerName = Assert.Single(Resources(root), r => Scalar(r.Value, "type") == ProviderToken).Key;

        foreach (var (name, resource) in Resources(root).Where(r => Scalar(r.Value, "type") == PortalToken))
        {
            var options = (YamlMappingNode)resource[new YamlScalarNode("options")];
            Assert.True(Scalar(options, "provider") == "${" + providerName + "}", $"{name} does not use the explicit provider");
        }
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("csharp")]
    public void Example_PluginPath_PointsAtTheProviderSource(string example)
    {
        var root = LoadYaml(RepoPaths.Of("examples", example, "Pulumi.yaml"));
        var providers = (YamlSequenceNode)((YamlMappingNode)root[new YamlScalarNode("plugins")])[new YamlScalarNode("providers")];
        var entry = (YamlMappingNode)Assert.Single(providers);

        Assert.Equal("buildkite-portals", Scalar(entry, "name"));
        var path = Path.GetFullPath(Path.Combine(RepoPaths.Of("examples", example), Scalar(entry, "path")!));
        Assert.True(File.Exists(Path.Combine(path, "PulumiPlugin.yaml")), $"{path} holds no PulumiPlugin.yaml");
    }

    [Fact]
    public void Examples_GraphQLDocuments_Parse()
    {
        var documents = YamlResources(PortalToken).Select(r => Scalar(r.Properties, "query")!)
            .Concat(CSharpPortalArgs().Select(a => a.Query))
            .ToList();

        Assert.Equal(4, documents.Count);
        Assert.All(documents, d => GraphQLParser.Parser.Parse(d));
    }

    [Fact]
    public void CSharpExample_PortalArgs_AreOneMinimalAndOneWithEveryInput()
    {
        var sdkProperties = Inputs.Select(Pascal).ToHashSet();
        var initializers = CSharpPortalArgs().Select(a => a.Members).ToList();

        Assert.Equal(2, initializers.Count);
        Assert.All(initializers, members => Assert.Subset(sdkProperties, members));
        Assert.Contains(initializers, m => m.SetEquals(RequiredInputs.Select(Pascal)));
        Assert.Contains(initializers, m => m.SetEquals(sdkProperties));
    }

    [Fact]
    public void CSharpExample_ReferencesTheSdkProject()
    {
        var project = XDocument.Load(RepoPaths.Of("examples", "csharp", "BuildkitePortalsExample.csproj"));
        var references = project.Descendants("ProjectReference").Select(r => (string)r.Attribute("Include")!).ToList();

        var reference = Assert.Single(references);
        Assert.Equal(
            Path.GetFullPath(RepoPaths.Of("sdk", "dotnet", "Pulumi.BuildkitePortals.csproj")),
            Path.GetFullPath(Path.Combine(RepoPaths.Of("examples", "csharp"), reference)));
    }

    [Fact]
    public void CSharpExample_Evaluated_IsNotBoundByTheRepositoryBuildSettings()
    {
        // A user program: the repository's warnings-as-errors and central package versions must not reach it.
        var json = SdkSchemaTests.RunDotnet("msbuild", RepoPaths.Of("examples", "csharp", "BuildkitePortalsExample.csproj"),
            "-getProperty:TreatWarningsAsErrors", "-getItem:PackageVersion");
        using var doc = System.Text.Json.JsonDocument.Parse(json);

        Assert.NotEqual("true", doc.RootElement.GetProperty("Properties").GetProperty("TreatWarningsAsErrors").GetString());
        var packages = doc.RootElement.GetProperty("Items").GetProperty("PackageVersion").EnumerateArray()
            .Select(p => p.GetProperty("Identity").GetString()).ToList();
        Assert.Equal(["Pulumi"], packages);
    }

    private static IEnumerable<(string Name, YamlMappingNode Properties)> YamlResources(string type) =>
        Resources(LoadYaml(RepoPaths.Of("examples", "yaml", "Pulumi.yaml")))
            .Where(r => Scalar(r.Value, "type") == type)
            .Select(r => (r.Key, (YamlMappingNode)r.Value[new YamlScalarNode("properties")]));

    private static IEnumerable<KeyValuePair<string, YamlMappingNode>> Resources(YamlMappingNode root) =>
        ((YamlMappingNode)root[new YamlScalarNode("resources")]).Children
            .Select(c => new KeyValuePair<string, YamlMappingNode>(((YamlScalarNode)c.Key).Value!, (YamlMappingNode)c.Value));

    private static YamlMappingNode LoadYaml(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static HashSet<string> PropertyNames(YamlMappingNode properties) =>
        properties.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();

    /// <summary>The member names and the query of every <c>new PortalArgs { … }</c> in the C# example.</summary>
    private static IEnumerable<(HashSet<string> Members, string Query)> CSharpPortalArgs()
    {
        var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(RepoPaths.Of("examples", "csharp", "Program.cs")));
        foreach (var creation in tree.GetRoot().DescendantNodes().OfType<ObjectCreationExpressionSyntax>()
                     .Where(c => c.Type.ToString() == "PortalArgs"))
        {
            var assignments = creation.Initializer!.Expressions.OfType<AssignmentExpressionSyntax>().ToList();
            var query = assignments.Single(a => a.Left.ToString() == "Query").Right;
            var text = query is LiteralExpressionSyntax literal ? literal.Token.ValueText : query.ToString();
            yield return (assignments.Select(a => a.Left.ToString()).ToHashSet(), text);
        }
    }

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
