using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PortalsProvider.Portals;

namespace PortalsProvider.Pulumi;

/// <summary>
/// The Pulumi package schema, generated from the property table (no reflection: <see cref="Utf8JsonWriter"/>,
/// so it stays Native-AOT safe). Served by GetSchema and committed as <c>provider/schema.json</c> (the C#
/// SDK is generated from that file). Regenerate the committed file with
/// <c>dotnet run --project provider -- schema &gt; provider/schema.json</c> or by running the schema test with
/// <c>UPDATE_SCHEMA=1</c>.
/// </summary>
internal static class PulumiSchema
{
    public const string CreatedByTypeToken = ProviderInfo.PackageName + ":index:PortalCreatedBy";
    public const string PortalsItemTypeToken = ProviderInfo.PackageName + ":index:getPortalsPortal";
    public const string GetPortalToken = ProviderInfo.PackageName + ":index:getPortal";
    public const string GetPortalsToken = ProviderInfo.PackageName + ":index:getPortals";

    private static readonly Lazy<string> Cached = new(() => Generate(ProviderInfo.Version));

    /// <summary>The schema for this build's version.</summary>
    public static string Json => Cached.Value;

    public static string Generate(string version)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("name", ProviderInfo.PackageName);
            w.WriteString("displayName", "Buildkite Portals");
            w.WriteString("version", version);
            w.WriteString("description", "Manages Buildkite Portals: stored GraphQL operations behind authenticated URLs.");
            w.WriteStartArray("keywords");
            foreach (var k in new[] { "pulumi", "buildkite", "portals", "category/infrastructure", "kind/native" })
            {
                w.WriteStringValue(k);
            }

            w.WriteEndArray();
            w.WriteStartObject("meta");
            w.WriteString("moduleFormat", "(.*)");
            w.WriteEndObject();

            w.WriteStartObject("config");
            w.WriteStartObject("variables");
            WriteConfigProperties(w);
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject("provider");
            w.WriteString("description", "The provider type for the buildkite-portals package.");
            w.WriteString("type", "object");
            w.WriteStartObject("inputProperties");
            WriteConfigProperties(w);
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject("types");
            w.WriteStartObject(CreatedByTypeToken);
            w.WriteString("description", "The user who created a portal.");
            w.WriteString("type", "object");
            WriteProperties(w, "properties", PortalProperties.CreatedByFields);
            w.WriteEndObject();
            w.WriteStartObject(PortalsItemTypeToken);
            w.WriteString("description", "A portal as returned by `getPortals` (every output of `Portal` except `token`).");
            w.WriteString("type", "object");
            WriteLookupOutputProperties(w);
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject("resources");
            w.WriteStartObject(ProviderInfo.ResourceToken);
            w.WriteString("description", "A Buildkite Portal: a stored GraphQL document exposed at an authenticated URL. Every input is updatable in place; the resource ID is the portal's UUID. Import with a slug or a UUID: `pulumi import buildkite-portals:index:Portal <name> <slug-or-uuid>` (the token cannot be read back after an import).");
            w.WriteString("type", "object");
            WriteProperties(w, "properties", PortalProperties.All);
            WriteNames(w, "required", PortalProperties.All.Where(p => p.AlwaysOutput));
            WriteProperties(w, "inputProperties", PortalProperties.Inputs);
            WriteNames(w, "requiredInputs", PortalProperties.Inputs.Where(p => p.RequiredInput));

            // listInputs marks the resource as listable through the List RPC (resource discovery); its
            // properties are the query keys List accepts.
            w.WriteStartObject("listInputs");
            w.WriteString("description", "Resource discovery (List): every portal of the organization, as importable IDs (the UUID) named by slug.");
            w.WriteString("type", "object");
            WriteArgumentProperties(w, PortalLookup.GetPortalsArguments);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject("functions");
            w.WriteStartObject(GetPortalToken);
            w.WriteString("description", "Looks up one portal by `slug` or `uuid` (exactly one). Returns every output of `Portal` except `token`.");
            w.WriteStartObject("inputs");
            w.WriteString("type", "object");
            WriteArgumentProperties(w, PortalLookup.GetPortalArguments);
            w.WriteEndObject();
            w.WriteStartObject("outputs");
            w.WriteString("type", "object");
            WriteLookupOutputProperties(w);
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject(GetPortalsToken);
            w.WriteString("description", "Lists the organization's portals (all pages), optionally filtered by name.");
            w.WriteStartObject("inputs");
            w.WriteString("type", "object");
            WriteArgumentProperties(w, PortalLookup.GetPortalsArguments);
            w.WriteEndObject();
            w.WriteStartObject("outputs");
            w.WriteString("type", "object");
            w.WriteStartObject("properties");
            w.WriteStartObject(PortalLookup.PortalsOutput);
            w.WriteString("type", "array");
            w.WriteStartObject("items");
            w.WriteString("$ref", "#/types/" + PortalsItemTypeToken);
            w.WriteEndObject();
            w.WriteString("description", "The matching portals.");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("required");
            w.WriteStringValue(PortalLookup.PortalsOutput);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject("language");
            w.WriteStartObject("csharp");
            w.WriteString("rootNamespace", "Pulumi");
            w.WriteBoolean("respectSchemaVersion", true);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteLookupOutputProperties(Utf8JsonWriter w)
    {
        var outputs = PortalLookup.Outputs;
        WriteProperties(w, "properties", outputs);
        WriteNames(w, "required", outputs.Where(p => p.AlwaysOutput));
    }

    private static void WriteConfigProperties(Utf8JsonWriter w)
    {
        foreach (var c in PortalProperties.Config)
        {
            w.WriteStartObject(c.Name);
            WriteType(w, c.Kind);
            w.WriteString("description", c.Description);
            if (c.Secret)
            {
                w.WriteBoolean("secret", true);
            }

            w.WriteEndObject();
        }
    }

    private static void WriteProperties(Utf8JsonWriter w, string key, IEnumerable<PortalProperty> properties)
    {
        w.WriteStartObject(key);
        foreach (var p in properties)
        {
            WriteProperty(w, p);
        }

        w.WriteEndObject();
    }

    private static void WriteProperty(Utf8JsonWriter w, PortalProperty p)
    {
        w.WriteStartObject(p.Name);
        WriteType(w, p.Kind);
        w.WriteString("description", p.Description);
        if (p.Secret)
        {
            w.WriteBoolean("secret", true);
        }

        w.WriteEndObject();
    }

    /// <summary>The <c>properties</c> object of a function's inputs (or of <c>listInputs</c>): every argument is a string.</summary>
    private static void WriteArgumentProperties(Utf8JsonWriter w, IEnumerable<FunctionArgument> arguments)
    {
        w.WriteStartObject("properties");
        foreach (var a in arguments)
        {
            WriteSimple(w, a.Name, "string", a.Description);
        }

        w.WriteEndObject();
    }

    private static void WriteSimple(Utf8JsonWriter w, string name, string type, string description)
    {
        w.WriteStartObject(name);
        w.WriteString("type", type);
        w.WriteString("description", description);
        w.WriteEndObject();
    }

    private static void WriteType(Utf8JsonWriter w, PropertyKind kind)
    {
        switch (kind)
        {
            case PropertyKind.String:
                w.WriteString("type", "string");
                break;
            case PropertyKind.Boolean:
                w.WriteString("type", "boolean");
                break;
            case PropertyKind.Integer:
                w.WriteString("type", "integer");
                break;
            case PropertyKind.StringList:
                w.WriteString("type", "array");
                w.WriteStartObject("items");
                w.WriteString("type", "string");
                w.WriteEndObject();
                break;
            case PropertyKind.CreatedBy:
                w.WriteString("$ref", "#/types/" + CreatedByTypeToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static void WriteNames(Utf8JsonWriter w, string key, IEnumerable<PortalProperty> props)
    {
        w.WriteStartArray(key);
        foreach (var p in props)
        {
            w.WriteStringValue(p.Name);
        }

        w.WriteEndArray();
    }
}
