using PortalsProvider.Buildkite;
using PortalsProvider.Portals;

namespace PortalsProvider.Tests.Portals;

public sealed class PortalMapperTests
{
    private static readonly PortalDto Dto = new(
        "uuid-1", "deploys", "org-uuid", "Deploys", null, "query { a }", "192.0.2.0/24  2001:db8::/32", true, "2024-08-26T03:22:45.555Z",
        new CreatedByDto("user-1", "gid", "Ada", "ada@example.com", "https://a", "2020"), null);

    [Fact]
    public void ToState_MapsEveryFieldAndUrl()
    {
        var s = PortalMapper.ToState(Dto, "acme", priorToken: "bkpat_old");
        Assert.Equal("uuid-1", s.Uuid);
        Assert.Equal("deploys", s.Slug);
        Assert.Equal(["192.0.2.0/24", "2001:db8::/32"], s.AllowedIpAddresses!.Value.ToArray());
        Assert.True(s.UserInvokable);
        Assert.Equal("2024-08-26T03:22:45.555Z", s.CreatedAt);
        Assert.Equal(new PortalCreator("user-1", "gid", "Ada", "ada@example.com", "https://a", "2020"), s.CreatedBy);
        Assert.Equal("https://portal.buildkite.com/organizations/acme/portals/deploys", s.Url);
        Assert.Equal("bkpat_old", s.Token);
    }

    [Fact]
    public void ToState_TokenInResponse_WinsOverPrior() =>
        Assert.Equal("bkpat_new", PortalMapper.ToState(Dto with { Token = "bkpat_new" }, "acme", "bkpat_old").Token);

    [Fact]
    public void ToState_NullAllowList_IsNull() => Assert.Null(PortalMapper.ToState(Dto with { AllowedIpAddresses = null }, "acme", null).AllowedIpAddresses);

    [Fact]
    public void ToCreateRequest_OmitsUnsetAndJoinsBySingleSpaces()
    {
        var r = PortalMapper.ToCreateRequest(new PortalInputs("N", "query { a }", AllowedIpAddresses: ["192.0.2.0/24", "198.51.100.0/24"]));
        Assert.Null(r.Slug);
        Assert.Null(r.Description);
        Assert.Equal("192.0.2.0/24 198.51.100.0/24", r.AllowedIpAddresses);
        Assert.False(r.UserInvokable);
    }

    [Fact]
    public void ToUpdateRequest_SendsEverySlugFallbackAndFalseDefault()
    {
        var r = PortalMapper.ToUpdateRequest(new PortalInputs("N", "query { a }"), "current");
        Assert.Equal(new PortalUpdateRequest("N", "query { a }", "current", null, null, false), r);
        Assert.Equal("new", PortalMapper.ToUpdateRequest(new PortalInputs("N", "q", Slug: "new"), "current").Slug);
    }

    [Fact]
    public void ToUpdateRequest_EmptyAllowList_ClearsWithNull() =>
        Assert.Null(PortalMapper.ToUpdateRequest(new PortalInputs("N", "q", AllowedIpAddresses: []), "s").AllowedIpAddresses);
}
