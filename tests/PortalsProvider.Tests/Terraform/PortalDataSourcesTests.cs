using PortalsProvider.Buildkite;
using PortalsProvider.Terraform;
using PortalsProvider.Terraform.Protocol;
using PortalsProvider.Tests.Fakes;

namespace PortalsProvider.Tests.Terraform;

public sealed class PortalDataSourcesTests
{
    private static DynamicValue Lookup(CtyValue id, CtyValue slug) => DynamicValues.Encode(
        CtyValue.Object(("id", id), ("slug", slug)), TerraformSchema.PortalDataSource.ImpliedType);

    [Fact]
    public void Validate_BothOrNeither_IsAnError()
    {
        Assert.Single(PortalDataSources.Validate("portals_portal", Lookup(CtyValue.Null, CtyValue.Null)));
        Assert.Single(PortalDataSources.Validate("portals_portal", Lookup(CtyValue.String("u"), CtyValue.String("s"))));
        Assert.Empty(PortalDataSources.Validate("portals_portal", Lookup(CtyValue.Null, CtyValue.String("s"))));
        Assert.Empty(PortalDataSources.Validate("portals_portal", Lookup(CtyValue.Unknown, CtyValue.Null)));
    }

    [Fact]
    public async Task Read_ByUuid_FindsThePortalWithoutToken()
    {
        var api = new FakePortalsApi();
        var seeded = api.Seed("Deploys", "deploys");
        using var state = new TerraformProviderState(_ => api);
        state.Configure(new BuildkiteClientOptions { ApiToken = "t", Organization = "acme" });
        var diagnostics = new Google.Protobuf.Collections.RepeatedField<Diagnostic>();

        var (value, _) = await new PortalDataSources(state).ReadAsync(
            "portals_portal", Lookup(CtyValue.String(seeded.Uuid), CtyValue.Null), diagnostics, CancellationToken.None);

        Assert.Empty(diagnostics);
        Assert.Equal("deploys", value.GetAttribute("slug").AsString);
        Assert.False(value.Attributes.ContainsKey("token"));
    }

    [Fact]
    public async Task Read_Unconfigured_IsAClearError()
    {
        using var state = new TerraformProviderState(_ => new FakePortalsApi());

        var ex = await Assert.ThrowsAsync<TerraformUsageException>(() => new PortalDataSources(state).ReadAsync(
            "portals_portals", DynamicValues.Encode(CtyValue.Null, TerraformSchema.PortalsDataSource.ImpliedType), [], CancellationToken.None));
        Assert.Contains("not configured", ex.Message);
    }
}
