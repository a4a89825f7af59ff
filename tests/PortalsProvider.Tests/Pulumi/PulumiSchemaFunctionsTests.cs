using System.Text.Json;
using PortalsProvider.Portals;
using PortalsProvider.Pulumi;

namespace PortalsProvider.Tests.Pulumi;

/// <summary>The schema's functions and listInputs come from the same rows the Invoke and List handlers use.</summary>
public sealed class PulumiSchemaFunctionsTests
{
    private static JsonElement Functions(JsonDocument doc) => doc.RootElement.GetProperty("functions");

    [Fact]
    public void Functions_ExactlyGetPortalAndGetPortals()
    {
        using var doc = JsonDocument.Parse(PulumiSchema.Json);
        Assert.Equal(
            ["buildkite-portals:index:getPortal", "buildkite-portals:index:getPortals"],
            Functions(doc).EnumerateObject().Select(f => f.Name));
    }

    [Fact]
    public void GetPortal_InputsAreTheArgumentTableWithDocs()
    {
        using var doc = JsonDocument.Parse(PulumiSchema.Json);
        var inputs = Functions(doc).GetProperty(PulumiSchema.GetPortalToken).GetProperty("inputs");
        Assert.False(inputs.TryGetProperty("required", out _), "both arguments are optional; exactly-one is checked by Invoke");
        var props = inputs.GetProperty("properties");
        Assert.Equal(PortalLookup.GetPortalArguments.Select(a => a.Name), props.EnumerateObject().Select(p => p.Name));
        foreach (var a in PortalLookup.GetPortalArguments)
        {
            Assert.Equal("string", props.GetProperty(a.Name).GetProperty("type").GetString());
            Assert.Equal(a.Description, props.GetProperty(a.Name).GetProperty("description").GetString());
        }
    }

    [Fact]
    public void GetPortal_OutputsAreEveryNonSecretResourceProperty()
    {
        using var doc = JsonDocument.Parse(PulumiSchema.Json);
        var resource = doc.RootElement.GetProperty("resources").GetProperty(ProviderInfo.ResourceToken).GetProperty("properties");
        var outputs = Functions(doc).GetProperty(PulumiSchema.GetPortalToken).GetProperty("outputs");
        var props = outputs.GetProperty("properties");
        Assert.Equal(PortalLookup.Outputs.Select(p => p.Name), props.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            resource.EnumerateObject().Where(p => !p.Value.TryGetProperty("secret", out _)).Select(p => p.Name),
            props.EnumerateObject().Select(p => p.Name));
        foreach (var p in props.EnumerateObject())
        {
            Assert.True(JsonElement.DeepEquals(resource.GetProperty(p.Name), p.Value), p.Name);
        }

        Assert.Equal(
            PortalLookup.Outputs.Where(p => p.AlwaysOutput).Select(p => p.Name),
            outputs.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("#/types/buildkite-portals:index:PortalCreatedBy", props.GetProperty("createdBy").GetProperty("$ref").GetString());
    }

    [Fact]
    public void GetPortals_ReturnsRequiredPortalsListOfTheSameObject()
    {
        using var doc = JsonDocument.Parse(PulumiSchema.Json);
        var fn = Functions(doc).GetProperty(PulumiSchema.GetPortalsToken);
        Assert.Equal(
            PortalLookup.GetPortalsArguments.Select(a => (a.Name, a.Description)),
            fn.GetProperty("inputs").GetProperty("properties").EnumerateObject().Select(p => (p.Name, p.Value.GetProperty("description").GetString()!)));
        var outputs = fn.GetProperty("outputs");
        Assert.Equal(["portals"], outputs.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var portals = outputs.GetProperty("properties").GetProperty("portals");
        Assert.Equal("array", portals.GetProperty("type").GetString());
        var itemRef = portals.GetProperty("items").GetProperty("$ref").GetString()!;
        Assert.Equal("#/types/" + PulumiSchema.PortalsItemTypeToken, itemRef);

        var item = doc.RootElement.GetProperty("types").GetProperty(PulumiSchema.PortalsItemTypeToken);
        var getPortalOutputs = Functions(doc).GetProperty(PulumiSchema.GetPortalToken).GetProperty("outputs");
        Assert.True(JsonElement.DeepEquals(getPortalOutputs.GetProperty("properties"), item.GetProperty("properties")));
        Assert.True(JsonElement.DeepEquals(getPortalOutputs.GetProperty("required"), item.GetProperty("required")));
    }

    [Fact]
    public void Resource_ListInputs_DeclareListableWithTheListQuery()
    {
        using var doc = JsonDocument.Parse(PulumiSchema.Json);
        var listInputs = doc.RootElement.GetProperty("resources").GetProperty(ProviderInfo.ResourceToken).GetProperty("listInputs");
        Assert.Equal("object", listInputs.GetProperty("type").GetString());
        Assert.Equal(["nameContains"], listInputs.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }
}
