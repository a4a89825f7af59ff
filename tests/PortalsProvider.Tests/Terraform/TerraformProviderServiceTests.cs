using Google.Protobuf;
using Microsoft.Extensions.Logging.Abstractions;
using PortalsProvider.Terraform;
using PortalsProvider.Terraform.Protocol;
using PortalsProvider.Tests.Fakes;

namespace PortalsProvider.Tests.Terraform;

/// <summary>The RPCs that need no API, called directly (they do not use the call context).</summary>
public sealed class TerraformProviderServiceTests : IDisposable
{
    private readonly TerraformProviderState _state = new(_ => new FakePortalsApi());
    private readonly TerraformProviderService _service;

    public TerraformProviderServiceTests() =>
        _service = new TerraformProviderService(_state, new PortalResource(_state), new PortalDataSources(_state), NullLogger<TerraformProviderService>.Instance);

    public void Dispose() => _state.Dispose();

    private static UpgradeResourceState.Types.Request Upgrade(string json, long version = 0) => new()
    {
        TypeName = "portals_portal",
        Version = version,
        RawState = new RawState { Json = ByteString.CopyFromUtf8(json) },
    };

    [Fact]
    public async Task UpgradeResourceState_StoredJson_BecomesMsgpackOfTheCurrentSchema()
    {
        var response = await _service.UpgradeResourceState(Upgrade("""{"id":"u-1","slug":"deploys","name":"Deploys","query":"q","token":"secret"}"""), null!);

        Assert.Empty(response.Diagnostics);
        Assert.True(response.UpgradedState.Json.IsEmpty);
        var value = DynamicValues.Decode(response.UpgradedState, PortalResource.Type);
        Assert.Equal(("u-1", "deploys", "secret"), (value.GetAttribute("id").AsString, value.GetAttribute("slug").AsString, value.GetAttribute("token").AsString));
    }

    [Fact]
    public async Task UpgradeResourceState_NewerSchemaVersion_IsAnError()
    {
        var response = await _service.UpgradeResourceState(Upgrade("{}", version: 3), null!);

        Assert.Contains("newer version", Assert.Single(response.Diagnostics).Detail);
    }

    [Fact]
    public async Task ValidateResourceConfig_UnknownType_IsADiagnosticNotACrash()
    {
        var response = await _service.ValidateResourceConfig(new ValidateResourceConfig.Types.Request { TypeName = "portals_other" }, null!);

        Assert.Contains("portals_other", Assert.Single(response.Diagnostics).Detail);
    }

    [Fact]
    public async Task ConfigureProvider_PlainHttpRemoteUrl_IsRefusedOnTheAttribute()
    {
        var config = DynamicValues.Encode(CtyValue.Object(
            ("api_token", CtyValue.String("t")),
            ("organization", CtyValue.String("acme")),
            ("api_url", CtyValue.String("http://api.example.com"))), TerraformSchema.Provider.ImpliedType);

        var response = await _service.ConfigureProvider(new ConfigureProvider.Types.Request { Config = config, TerraformVersion = "1.11.4" }, null!);

        Assert.Equal("api_url", Assert.Single(response.Diagnostics).Attribute.Steps[0].AttributeName);
        Assert.False(_state.IsConfigured);
    }

    [Fact]
    public async Task ConfigureProvider_Complete_Configures()
    {
        var config = DynamicValues.Encode(CtyValue.Object(
            ("api_token", CtyValue.String("t")),
            ("organization", CtyValue.String("acme")),
            ("api_url", CtyValue.String("http://127.0.0.1:9"))), TerraformSchema.Provider.ImpliedType);

        var response = await _service.ConfigureProvider(new ConfigureProvider.Types.Request { Config = config, TerraformVersion = "1.11.4" }, null!);

        Assert.Empty(response.Diagnostics);
        Assert.Equal("acme", _state.Client.Service.Organization);
    }

    [Fact]
    public async Task GetMetadata_ListsEveryTypeAndSchemaIsOptional()
    {
        var response = await _service.GetMetadata(new GetMetadata.Types.Request(), null!);

        Assert.True(response.ServerCapabilities.GetProviderSchemaOptional);
        Assert.Equal(["portals_portal"], response.Resources.Select(r => r.TypeName));
        Assert.Equal(["portals_portal", "portals_portals"], response.DataSources.Select(r => r.TypeName));
    }
}
