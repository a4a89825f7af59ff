using System.Text.Json.Nodes;

namespace PortalsProvider.Tests.Sdk;

/// <summary>
/// Proves that <see cref="SdkSchemaComparer"/> fails when it should: each case changes the schema (or the SDK
/// sources) in one way that a real drift would, and expects the mismatch to be reported for the right member.
/// </summary>
public sealed class SdkSchemaComparerTests
{
    private const string Portal = "buildkite-portals:index:Portal";
    private const string CreatedBy = "buildkite-portals:index:PortalCreatedBy";
    private const string GetPortal = "buildkite-portals:index:getPortal";

    private static readonly Lazy<SdkSources> s_sdk = new(SdkSchemaTests.LoadSdk);

    private static readonly Dictionary<string, (Action<JsonObject> Mutate, string[] ExpectedSubjects)> s_schemaDrifts = new()
    {
        ["resource property added (input and output)"] = (s =>
        {
            Resource(s)["properties"]!["color"] = new JsonObject { ["type"] = "string", ["description"] = "Colour." };
            Resource(s)["inputProperties"]!["color"] = new JsonObject { ["type"] = "string", ["description"] = "Colour." };
        }, ["Portal.color", "PortalArgs.color", "PortalState.color"]),
        ["output-only property added"] = (s =>
            Resource(s)["properties"]!["updatedAt"] = new JsonObject { ["type"] = "string", ["description"] = "When." },
            ["Portal.updatedAt", "PortalState.updatedAt"]),
        ["input becomes required"] = (s => ((JsonArray)Resource(s)["requiredInputs"]!).Add("slug"), ["PortalArgs.slug"]),
        ["output becomes optional"] = (s =>
        {
            var required = (JsonArray)Resource(s)["required"]!;
            required.Remove(required.First(n => n!.GetValue<string>() == "url"));
        }, ["Portal.url"]),
        ["description changed"] = (s => Resource(s)["properties"]!["name"]!["description"] = "Another text.", ["Portal.name"]),
        ["property type changed"] = (s =>
        {
            Resource(s)["inputProperties"]!["userInvokable"]!["type"] = "string";
            Resource(s)["properties"]!["userInvokable"]!["type"] = "string";
        }, ["Portal.userInvokable", "PortalArgs.userInvokable", "PortalState.userInvokable"]),
        ["property becomes secret"] = (s => Resource(s)["properties"]!["description"]!["secret"] = true,
            ["Portal", "PortalState.description"]),
        ["secret no longer secret"] = (s => Resource(s)["properties"]!["token"]!.AsObject().Remove("secret"),
            ["Portal", "PortalState.token"]),
        ["resource token renamed"] = (s =>
        {
            var resources = s["resources"]!.AsObject();
            var portal = resources[Portal]!.DeepClone();
            resources.Remove(Portal);
            resources["buildkite-portals:index:PortalV2"] = portal;
        }, ["PortalV2"]),
        ["config variable added"] = (s =>
            s["config"]!["variables"]!["timeout"] = new JsonObject { ["type"] = "integer", ["description"] = "Seconds." },
            ["Config.timeout"]),
        ["provider input added"] = (s =>
            s["provider"]!["inputProperties"]!["insecure"] = new JsonObject { ["type"] = "boolean", ["description"] = "No TLS." },
            ["ProviderArgs.insecure"]),
        ["provider input loses secret"] = (s => s["provider"]!["inputProperties"]!["apiToken"]!.AsObject().Remove("secret"),
            ["ProviderArgs.apiToken"]),
        ["object type property added"] = (s =>
            s["types"]![CreatedBy]!["properties"]!["login"] = new JsonObject { ["type"] = "string", ["description"] = "Login." },
            ["PortalCreatedBy.login", "PortalCreatedByGetArgs.login"]),
        ["function input added"] = (s =>
            s["functions"]![GetPortal]!["inputs"]!["properties"]!["name"] = new JsonObject { ["type"] = "string", ["description"] = "N." },
            ["GetPortalArgs.name", "GetPortalInvokeArgs.name"]),
        ["function output added"] = (s =>
            s["functions"]![GetPortal]!["outputs"]!["properties"]!["token"] = new JsonObject { ["type"] = "string", ["description"] = "T." },
            ["GetPortalResult.token"]),
        ["package renamed"] = (s => s["name"] = "buildkite", ["package"]),
    };

    private static readonly Dictionary<string, (string File, string Find, string Replace, string ExpectedSubject)> s_sdkDrifts = new()
    {
        ["secret setter removed"] = ("ProviderArgs.cs",
            "var emptySecret = Output.CreateSecret(0);\n            _apiToken = Output.Tuple<Input<string>?, int>(value, emptySecret).Apply(t => t.Item1);",
            "_apiToken = value;", "ProviderArgs.apiToken"),
        ["output without schema property"] = ("Portal.cs", "[Output(\"uuid\")]",
            "[Output(\"legacyId\")]\n    public Output<string> LegacyId { get; private set; } = null!;\n\n    [Output(\"uuid\")]", "Portal.legacyId"),
        ["required flag dropped"] = ("PortalArgs.cs", "[Input(\"name\", required: true)]", "[Input(\"name\")]", "PortalArgs.name"),
        ["json flag dropped"] = ("ProviderArgs.cs", "[Input(\"maxRetries\", json: true)]", "[Input(\"maxRetries\")]", "ProviderArgs.maxRetries"),
        ["list input as plain input"] = ("PortalArgs.cs", "public InputList<string> AllowedIpAddresses",
            "public Input<string> AllowedIpAddresses", "PortalArgs.allowedIpAddresses"),
        ["output constructor parameter renamed"] = ("Outputs/PortalCreatedBy.cs", "string? graphqlId,", "string? graphQlId,",
            "PortalCreatedBy.graphqlId"),
        ["version resource renamed"] = ("Utilities.cs", "\"Pulumi.BuildkitePortals.version.txt\"", "\"version.txt\"", "package"),
        ["secret output dropped"] = ("Portal.cs", "\"token\",", "", "Portal"),
    };

    public static TheoryData<string> SchemaDrifts() => new(s_schemaDrifts.Keys);

    public static TheoryData<string> SdkDrifts() => new(s_sdkDrifts.Keys);

    [Theory]
    [MemberData(nameof(SchemaDrifts))]
    public void Compare_SchemaDrift_ReportsTheDriftingMembers(string drift)
    {
        var (mutate, expectedSubjects) = s_schemaDrifts[drift];
        var schema = SdkSchemaTests.LoadSchema();
        mutate(schema);

        var subjects = SdkSchemaComparer.Compare(schema, s_sdk.Value).Select(m => m.Subject).ToHashSet();

        foreach (var expected in expectedSubjects)
        {
            Assert.Contains(expected, subjects);
        }
    }

    [Theory]
    [MemberData(nameof(SdkDrifts))]
    public void Compare_SdkDrift_ReportsTheDriftingMember(string drift)
    {
        var (file, find, replace, expectedSubject) = s_sdkDrifts[drift];
        var directory = RepoPaths.Of("sdk", "dotnet");
        var target = Path.Combine(directory, file);
        var files = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f =>
            {
                var text = File.ReadAllText(f);
                if (f == target)
                {
                    Assert.Contains(find, text); // the drift must apply, or this case proves nothing
                    text = text.Replace(find, replace, StringComparison.Ordinal);
                }
                return (f, text);
            })
            .ToList();

        var mismatches = SdkSchemaComparer.Compare(SdkSchemaTests.LoadSchema(), SdkSources.FromTexts(files));

        Assert.Contains(mismatches, m => m.Subject == expectedSubject);
    }

    [Fact]
    public void Compare_SchemaWithoutResources_ReportsSdkClassesAsUnexpected()
    {
        var schema = SdkSchemaTests.LoadSchema();
        schema["resources"] = new JsonObject();

        var mismatches = SdkSchemaComparer.Compare(schema, s_sdk.Value);

        Assert.Contains(mismatches, m => m.Subject == "Portal" && m.Message.Contains("matches nothing", StringComparison.Ordinal));
    }

    private static JsonObject Resource(JsonObject schema) => schema["resources"]![Portal]!.AsObject();
}
