using System.Collections.Immutable;
using PortalsProvider.Portals;
using static PortalsProvider.Tests.Portals.PV;

namespace PortalsProvider.Tests.Portals;

public sealed class PortalValuesTests
{
    private static readonly PortalState State = new(
        "u1", "Deploys", "query { a }", "deploys", null, ["192.0.2.0/24", "198.51.100.0/24"], false, "org", "2024", new PortalCreator("i", "g", "n", "e", "a", "c"),
        "https://portal.buildkite.com/organizations/acme/portals/deploys", "bkpat_t");

    [Fact]
    public void WriteState_TokenSecretAndUnsetOptionalsOmitted()
    {
        var o = PortalValues.WriteState(State);
        Assert.Equal(Secret(S("bkpat_t")), o["token"]);
        Assert.Null(o["description"]);
        Assert.Equal(S("i"), ((PValue.Object)o["createdBy"]!)["id"]);
        Assert.Equal(B(false), o["userInvokable"]);
    }

    [Fact]
    public void ReadState_RoundTripsWriteState() => Assert.Equal(State, PortalValues.ReadState(PortalValues.WriteState(State), "ignored"));

    [Fact]
    public void ReadState_WithoutSlug_Null() => Assert.Null(PortalValues.ReadState(O(("uuid", S("u"))), "u"));

    [Fact]
    public void InputsFromState_Import_CompleteInputs() =>
        Assert.Equal(
            new PortalInputs("Deploys", "query { a }", "deploys", null, ImmutableArray.Create("192.0.2.0/24", "198.51.100.0/24"), false),
            PortalValues.InputsFromState(State, prior: null));

    [Fact]
    public void InputsFromState_Refresh_KeepsUnsetSlugAndUserInvokableAndUserOrder()
    {
        var prior = new PortalInputs("Deploys", "query { a }", AllowedIpAddresses: ["198.51.100.0/24", "192.0.2.0/24"]);
        var inputs = PortalValues.InputsFromState(State, prior);
        Assert.Null(inputs.Slug);
        Assert.Null(inputs.UserInvokable);
        Assert.Equal(["198.51.100.0/24", "192.0.2.0/24"], inputs.AllowedIpAddresses!.Value.ToArray());
    }

    [Fact]
    public void InputsFromState_RefreshWithDrift_ShowsServerValues()
    {
        var prior = new PortalInputs("Old", "query { a }", AllowedIpAddresses: ["203.0.113.0/24"]);
        var inputs = PortalValues.InputsFromState(State with { UserInvokable = true }, prior);
        Assert.Equal("Deploys", inputs.Name);
        Assert.True(inputs.UserInvokable);
        Assert.Equal(["192.0.2.0/24", "198.51.100.0/24"], inputs.AllowedIpAddresses!.Value.ToArray());
    }

    [Fact]
    public void ReadInputs_UnwrapsSecrets() =>
        Assert.Equal(new PortalInputs("Deploys", "query { a }", Description: "d"), PortalValues.ReadInputs(O(("name", S("Deploys")), ("query", Secret(S("query { a }"))), ("description", Secret(S("d"))))));

    [Fact]
    public void ReadInputs_MissingRequired_Throws() => Assert.Throws<ArgumentException>(() => PortalValues.ReadInputs(O(("name", S("n")))));

    [Fact]
    public void WriteInputs_ReadInputs_RoundTrip()
    {
        var inputs = new PortalInputs("N", "query { a }", "s", "d", ImmutableArray.Create("192.0.2.0/24"), true);
        Assert.Equal(inputs, PortalValues.ReadInputs(PortalValues.WriteInputs(inputs)));
    }

    [Fact]
    public void PreviewUpdate_UnsetSlugKeepsCurrentAndUrlKnown()
    {
        var o = PortalValues.PreviewUpdate(Valid(), State, "acme");
        Assert.Equal(S("deploys"), o["slug"]);
        Assert.Equal(S(State.Url), o["url"]);
        Assert.Null(o["allowedIpAddresses"]);
        Assert.Equal(Secret(S("bkpat_t")), o["token"]);
    }
}
