using System.Collections.Immutable;
using PortalsProvider.Portals;
using static PortalsProvider.Tests.Portals.PV;

namespace PortalsProvider.Tests.Portals;

public sealed class PortalLookupTests
{
    private const string Uuid = "0190f5a2-7c1e-7a43-9a8e-3c4d5e6f7a8b";

    private static PortalState FullState() => new(
        Uuid: Uuid,
        Name: "Deploys",
        Query: "query { viewer { user { name } } }",
        Slug: "deploys",
        Description: "d",
        AllowedIpAddresses: ImmutableArray.Create("192.0.2.0/24"),
        UserInvokable: true,
        OrganizationUuid: "org-uuid",
        CreatedAt: "2024-08-26T03:22:45.555Z",
        CreatedBy: new PortalCreator("u", "g", "n", "e@example.com", "https://a", "2020-01-01T00:00:00.000Z"),
        Url: "https://portal.buildkite.com/organizations/acme/portals/deploys",
        Token: "bkpt_secret_value");

    [Fact]
    public void ToResult_FullState_HasEveryNonSecretPropertyOfTheTableAndNoToken()
    {
        var result = PortalLookup.ToResult(FullState());

        // Driven by the table: a property added to PortalProperties (and written by PortalValues.WriteState)
        // shows up here without touching the functions; a secret one never does.
        Assert.Equal(
            PortalProperties.All.Where(p => !p.Secret).Select(p => p.Name).Order(StringComparer.Ordinal),
            result.Fields.Keys.Order(StringComparer.Ordinal));
        Assert.Null(result[PortalProperties.Token]);
        Assert.DoesNotContain("bkpt_secret_value", result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Fields.Values, v => v is PValue.Secret);
    }

    [Fact]
    public void ToResult_SameValuesAsTheResourceOutputs()
    {
        var state = FullState();
        var outputs = PortalValues.WriteState(state);
        var result = PortalLookup.ToResult(state);
        foreach (var (key, value) in result.Fields)
        {
            Assert.Equal(outputs[key], value);
        }
    }

    [Fact]
    public void Outputs_AreTheTableRowsWithoutSecrets()
    {
        Assert.Equal(PortalProperties.All.Where(p => !p.Secret), PortalLookup.Outputs);
        Assert.DoesNotContain(PortalLookup.Outputs, p => p.Name == PortalProperties.Token);
    }

    [Fact]
    public void ToListResult_WrapsEachPortalUnderPortals()
    {
        var result = PortalLookup.ToListResult([FullState(), FullState() with { Uuid = "other", Slug = "other" }]);
        var list = Assert.IsType<PValue.List>(result["portals"]);
        Assert.Equal(2, list.Items.Length);
        Assert.All(list.Items, i => Assert.Null(((PValue.Object)i)[PortalProperties.Token]));
        Assert.Equal(S("other"), ((PValue.Object)list.Items[1])["slug"]);
    }

    [Fact]
    public void ToListResult_Empty_IsAnEmptyList()
    {
        Assert.Equal(L(), PortalLookup.ToListResult([])["portals"]);
    }

    [Fact]
    public void ParseGetPortal_Slug_IsAccepted()
    {
        var r = PortalLookup.ParseGetPortal(O(("slug", S("deploys"))), out var failures);
        Assert.Empty(failures);
        Assert.Equal(new PortalLookupRequest("deploys", null), r);
        Assert.Equal("slug \"deploys\"", r!.Describe());
    }

    [Fact]
    public void ParseGetPortal_Uuid_IsAccepted()
    {
        var r = PortalLookup.ParseGetPortal(O(("uuid", S(Uuid))), out var failures);
        Assert.Empty(failures);
        Assert.Equal(new PortalLookupRequest(null, Uuid), r);
    }

    [Fact]
    public void ParseGetPortal_SecretArgument_IsUnwrapped()
    {
        var r = PortalLookup.ParseGetPortal(O(("slug", Secret(S("deploys")))), out var failures);
        Assert.Empty(failures);
        Assert.Equal("deploys", r!.Slug);
    }

    [Fact]
    public void ParseGetPortal_Neither_FailsNamingSlug()
    {
        Assert.Null(PortalLookup.ParseGetPortal(O(), out var failures));
        var f = Assert.Single(failures);
        Assert.Equal("slug", f.Property);
        Assert.Contains("exactly one of `slug` or `uuid`", f.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseGetPortal_NullsCountAsNotGiven()
    {
        Assert.Null(PortalLookup.ParseGetPortal(O(("slug", Null), ("uuid", Null)), out var failures));
        Assert.Contains("neither", Assert.Single(failures).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseGetPortal_Both_FailsNamingUuid()
    {
        Assert.Null(PortalLookup.ParseGetPortal(O(("slug", S("a")), ("uuid", S(Uuid))), out var failures));
        var f = Assert.Single(failures);
        Assert.Equal("uuid", f.Property);
        Assert.Contains("not both", f.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("slug")]
    [InlineData("uuid")]
    public void ParseGetPortal_WrongType_FailsNamingTheArgument(string arg)
    {
        Assert.Null(PortalLookup.ParseGetPortal(O((arg, N(3))), out var failures));
        var f = Assert.Single(failures);
        Assert.Equal(arg, f.Property);
        Assert.Equal("must be a string, not a number", f.Reason);
    }

    [Fact]
    public void ParseGetPortal_BlankSlug_Fails()
    {
        Assert.Null(PortalLookup.ParseGetPortal(O(("slug", S("  "))), out var failures));
        Assert.Equal("slug", Assert.Single(failures).Property);
    }

    [Fact]
    public void ParseGetPortal_NotAUuid_FailsWithAnExample()
    {
        Assert.Null(PortalLookup.ParseGetPortal(O(("uuid", S("deploys"))), out var failures));
        var f = Assert.Single(failures);
        Assert.Equal("uuid", f.Property);
        Assert.Contains("must be a UUID", f.Reason, StringComparison.Ordinal);
        Assert.Contains("\"deploys\"", f.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseGetPortal_UnknownArgument_FailsNamingIt()
    {
        Assert.Null(PortalLookup.ParseGetPortal(O(("slug", S("a")), ("name", S("x"))), out var failures));
        var f = Assert.Single(failures);
        Assert.Equal("name", f.Property);
        Assert.Contains("getPortal takes slug, uuid", f.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseGetPortal_SdkBookkeepingKeys_AreIgnored()
    {
        Assert.NotNull(PortalLookup.ParseGetPortal(O(("slug", S("a")), ("__defaults", L())), out var failures));
        Assert.Empty(failures);
    }

    [Fact]
    public void ParseGetPortal_UnknownValue_IsAFailureNotAnException()
    {
        Assert.Null(PortalLookup.ParseGetPortal(O(("slug", Unknown)), out var failures));
        Assert.Contains("not known yet", Assert.Single(failures).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseGetPortals_NoArguments_NoFilter()
    {
        Assert.Null(PortalLookup.ParseGetPortals(O(), out var failures));
        Assert.Empty(failures);
    }

    [Fact]
    public void ParseGetPortals_EmptyFilter_MeansNone()
    {
        Assert.Null(PortalLookup.ParseGetPortals(O(("nameContains", S(""))), out var failures));
        Assert.Empty(failures);
    }

    [Fact]
    public void ParseGetPortals_Filter_IsReturned()
    {
        Assert.Equal("Deploy", PortalLookup.ParseGetPortals(O(("nameContains", Secret(S("Deploy")))), out var failures));
        Assert.Empty(failures);
    }

    [Fact]
    public void ParseGetPortals_BadArguments_AllReportedAtOnce()
    {
        PortalLookup.ParseGetPortals(O(("nameContains", B(true)), ("slug", S("x"))), out var failures);
        Assert.Equal(["slug", "nameContains"], failures.Select(f => f.Property));
    }

    [Fact]
    public void ParseListQuery_UnknownKey_FailsNamingIt()
    {
        PortalLookup.ParseListQuery(O(("tags", S("x"))), out var failures);
        Assert.Equal("tags", Assert.Single(failures).Property);
    }

    [Fact]
    public void NotFound_NamesWhatWasLookedForAndWhere()
    {
        var bySlug = PortalLookup.NotFound(new PortalLookupRequest("nope", null), "acme");
        Assert.Equal(PortalFailure.NotFound, bySlug.Failure);
        Assert.Contains("no portal with slug \"nope\" exists in organization \"acme\"", bySlug.Message, StringComparison.Ordinal);

        var byUuid = PortalLookup.NotFound(new PortalLookupRequest(null, Uuid), "acme");
        Assert.Contains($"uuid \"{Uuid}\"", byUuid.Message, StringComparison.Ordinal);
        Assert.Contains("every page", byUuid.Message, StringComparison.Ordinal);
    }
}
