using PortalsProvider.Portals;
using static PortalsProvider.Tests.Portals.PV;

namespace PortalsProvider.Tests.Portals;

public sealed class PortalDifferTests
{
    private static readonly PValue.Object State = Valid(("slug", S("deploys")), ("uuid", S("u1")));

    private static IReadOnlyList<PropertyChange> Diff(PValue.Object olds, PValue.Object news, params string[] ignore) =>
        PortalDiffer.Diff(olds, State, news, ignore);

    [Fact]
    public void Diff_Equal_NoChanges() => Assert.Empty(Diff(Valid(), Valid()));

    [Fact]
    public void Diff_ChangedName_Update() =>
        Assert.Equal([new PropertyChange("name", ChangeKind.Update)], Diff(Valid(), Valid(("name", S("Other")))));

    [Fact]
    public void Diff_SecretWrappedSameValue_NoChange() =>
        Assert.Empty(Diff(Valid(("description", Secret(S("d")))), Valid(("description", S("d")))));

    [Fact]
    public void Diff_SecretWrappedDifferentValue_Update() =>
        Assert.Single(Diff(Valid(("description", Secret(S("d")))), Valid(("description", Secret(S("e"))))));

    [Fact]
    public void Diff_AddedAndRemovedDescription_AddAndDelete()
    {
        Assert.Equal([new PropertyChange("description", ChangeKind.Add)], Diff(Valid(), Valid(("description", S("d")))));
        Assert.Equal([new PropertyChange("description", ChangeKind.Delete)], Diff(Valid(("description", S("d"))), Valid()));
        Assert.Equal([new PropertyChange("description", ChangeKind.Delete)], Diff(Valid(("description", S("d"))), Valid(("description", Null))));
    }

    [Fact]
    public void Diff_AllowListReorderedOrRespelled_NoChange() =>
        Assert.Empty(Diff(
            Valid(("allowedIpAddresses", L(S("192.0.2.0/24"), S("2001:DB8::/32")))),
            Valid(("allowedIpAddresses", L(S("2001:db8::/32"), S("192.0.2.0/24"))))));

    [Fact]
    public void Diff_AllowListEmptyEqualsUnset() => Assert.Empty(Diff(Valid(), Valid(("allowedIpAddresses", L()))));

    [Fact]
    public void Diff_AllowListEntryAdded_Update() =>
        Assert.Equal(
            [new PropertyChange("allowedIpAddresses", ChangeKind.Update)],
            Diff(Valid(("allowedIpAddresses", L(S("192.0.2.0/24")))), Valid(("allowedIpAddresses", L(S("192.0.2.0/24"), S("198.51.100.0/24"))))));

    [Fact]
    public void Diff_UnsetSlug_NeverDiffs() => Assert.Empty(Diff(Valid(("slug", S("old"))), Valid()));

    [Fact]
    public void Diff_SlugSetToServerDerivedValue_NoChange() => Assert.Empty(Diff(Valid(), Valid(("slug", S("deploys")))));

    [Fact]
    public void Diff_SlugChanged_UpdateNeverReplace() =>
        Assert.Equal([new PropertyChange("slug", ChangeKind.Update)], Diff(Valid(("slug", S("deploys"))), Valid(("slug", S("renamed")))));

    [Fact]
    public void Diff_UserInvokableUnsetEqualsFalse()
    {
        Assert.Empty(Diff(Valid(), Valid(("userInvokable", B(false)))));
        Assert.Equal([new PropertyChange("userInvokable", ChangeKind.Update)], Diff(Valid(), Valid(("userInvokable", B(true)))));
    }

    [Fact]
    public void Diff_IgnoreChanges_TopLevelAndNestedPaths()
    {
        var olds = Valid(("allowedIpAddresses", L(S("192.0.2.0/24"))));
        var news = Valid(("name", S("Other")), ("allowedIpAddresses", L(S("198.51.100.0/24"))));
        Assert.Empty(Diff(olds, news, "name", "allowedIpAddresses[0]"));
        Assert.Single(Diff(olds, news, "name"));
    }

    [Fact]
    public void Diff_UnknownNewValue_IsAChange()
    {
        Assert.Equal([new PropertyChange("query", ChangeKind.Update)], Diff(Valid(), Valid(("query", Unknown))));
        Assert.Single(Diff(Valid(("allowedIpAddresses", L(S("192.0.2.0/24")))), Valid(("allowedIpAddresses", L(Unknown)))));
    }

    [Fact]
    public void Diff_ResultsFollowTableOrder() =>
        Assert.Equal(["name", "query", "description"], Diff(Valid(), Valid(("description", S("x")), ("query", S("query { a }")), ("name", S("n")))).Select(c => c.Property));

    [Fact]
    public void SameAllowList_NullAndEmptyEqual() => Assert.True(PortalDiffer.SameAllowList(null, []));
}
