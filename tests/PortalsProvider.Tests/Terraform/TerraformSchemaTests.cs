using PortalsProvider.Terraform;
using PortalsProvider.Terraform.Protocol;

namespace PortalsProvider.Tests.Terraform;

public sealed class TerraformSchemaTests
{
    private static readonly GetProviderSchema.Types.Response Schema = TerraformProviderService.SchemaResponse();

    private static Schema.Types.Attribute Resource(string name) =>
        Schema.ResourceSchemas["portals_portal"].Block.Attributes.Single(a => a.Name == name);

    [Fact]
    public void Response_DeclaresSchemaOptionalAndEveryType()
    {
        Assert.True(Schema.ServerCapabilities.GetProviderSchemaOptional);
        Assert.NotNull(Schema.Provider.Block);
        Assert.Equal(["portals_portal"], Schema.ResourceSchemas.Keys);
        Assert.Equal(["portals_portal", "portals_portals"], Schema.DataSourceSchemas.Keys.Order());
    }

    [Fact]
    public void Resource_TokenIsSensitiveAndComputedOnly()
    {
        var token = Resource("token");
        Assert.True(token.Sensitive);
        Assert.True(token.Computed);
        Assert.False(token.Optional || token.Required);
        Assert.Equal(["token"], Schema.ResourceSchemas["portals_portal"].Block.Attributes.Where(a => a.Sensitive).Select(a => a.Name));
    }

    [Fact]
    public void Resource_SlugAndUserInvokableAreOptionalComputed()
    {
        Assert.True(Resource("slug").Optional && Resource("slug").Computed);
        Assert.True(Resource("user_invokable").Optional && Resource("user_invokable").Computed);
    }

    [Fact]
    public void Resource_AllowedIpAddressesIsASetOfStrings() =>
        Assert.Equal("[\"set\",\"string\"]", Resource("allowed_ip_addresses").Type.ToStringUtf8());

    [Fact]
    public void Resource_IdIsTheComputedUuidAndNoUuidAttribute()
    {
        Assert.True(Resource("id").Computed);
        Assert.DoesNotContain(Schema.ResourceSchemas["portals_portal"].Block.Attributes, a => a.Name == "uuid");
    }

    [Fact]
    public void Resource_RequiredAreNameAndQuery() =>
        Assert.Equal(["name", "query"], Schema.ResourceSchemas["portals_portal"].Block.Attributes.Where(a => a.Required).Select(a => a.Name));

    [Fact]
    public void Resource_EveryAttributeHasAValidFlagCombinationAndDescription() =>
        Assert.All(Schema.ResourceSchemas.Values.Concat(Schema.DataSourceSchemas.Values).Append(Schema.Provider).SelectMany(s => s.Block.Attributes), a =>
        {
            Assert.True(a.Required ^ (a.Optional || a.Computed), a.Name);
            Assert.False(string.IsNullOrWhiteSpace(a.Description), a.Name);
            Assert.DoesNotContain("pulumi", a.Description, StringComparison.OrdinalIgnoreCase);
        });

    [Fact]
    public void Provider_ConfigKeysAreSnakeCaseAndTokenIsSensitive()
    {
        var attributes = Schema.Provider.Block.Attributes;
        Assert.Equal(["api_token", "organization", "api_url", "max_retries"], attributes.Select(a => a.Name));
        Assert.True(attributes.Single(a => a.Name == "api_token").Sensitive);
        Assert.All(attributes, a => Assert.True(a.Optional, a.Name)); // every key has an env var or a default
    }

    [Fact]
    public void DataSource_PortalHasNoTokenAndIsKeyedBySlugOrId()
    {
        var attributes = Schema.DataSourceSchemas["portals_portal"].Block.Attributes;
        Assert.DoesNotContain(attributes, a => a.Name == "token");
        Assert.Equal(["id", "slug"], attributes.Where(a => a.Optional).Select(a => a.Name).Order());
    }

    [Fact]
    public void DataSource_PortalsIsAListOfThePortalObject() =>
        Assert.StartsWith("[\"list\",[\"object\",",
            Schema.DataSourceSchemas["portals_portals"].Block.Attributes.Single(a => a.Name == "portals").Type.ToStringUtf8());
}
