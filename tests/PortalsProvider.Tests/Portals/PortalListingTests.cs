using System.Globalization;
using PortalsProvider.Portals;

namespace PortalsProvider.Tests.Portals;

public sealed class PortalListingTests
{
    private static List<PortalListEntry> Portals(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new PortalListEntry(
            string.Create(CultureInfo.InvariantCulture, $"00000000-0000-0000-0000-{i:D12}"),
            string.Create(CultureInfo.InvariantCulture, $"portal-{i}")))];

    private static List<PortalListEntry> All(IReadOnlyList<PortalListEntry> portals, long pageSize, long limit = 0, string? filter = null)
    {
        var all = new List<PortalListEntry>();
        string? token = null;
        for (var calls = 0; calls < 1000; calls++)
        {
            var page = PortalListing.Page(portals, new PortalListRequest(filter, limit, pageSize, token));
            all.AddRange(page.Entries);
            if (page.ContinuationToken is null)
            {
                return all;
            }

            token = page.ContinuationToken;
        }

        throw new InvalidOperationException("the listing never ended");
    }

    [Fact]
    public void Page_NoPageSizeNoLimit_EverythingInOneCallOrderedByUuid()
    {
        var portals = Portals(250);
        portals.Reverse();
        var page = PortalListing.Page(portals, new PortalListRequest(null, 0, 0, null));
        Assert.Equal(250, page.Entries.Length);
        Assert.Null(page.ContinuationToken);
        Assert.Equal(page.Entries.OrderBy(e => e.Uuid, StringComparer.Ordinal), page.Entries);
    }

    [Fact]
    public void Page_PageSize_BoundsEachCallAndContinuesToTheEnd()
    {
        var portals = Portals(250);
        var first = PortalListing.Page(portals, new PortalListRequest(null, 0, 100, null));
        Assert.Equal(100, first.Entries.Length);
        Assert.NotNull(first.ContinuationToken);

        var all = All(portals, pageSize: 100);
        Assert.Equal(portals, all);
    }

    [Fact]
    public void Page_ExactMultipleOfPageSize_LastPageHasNoToken()
    {
        var portals = Portals(200);
        var second = PortalListing.Page(portals, new PortalListRequest(null, 0, 100, PortalListing.Page(portals, new PortalListRequest(null, 0, 100, null)).ContinuationToken));
        Assert.Equal(100, second.Entries.Length);

        Assert.Null(second.ContinuationToken);
        Assert.Equal(200, All(portals, 100).Count);
    }

    [Fact]
    public void Page_Limit_HoldsAcrossContinuations()
    {
        var portals = Portals(250);
        var all = All(portals, pageSize: 30, limit: 75);
        Assert.Equal(portals.Take(75), all);
    }

    [Fact]
    public void Page_LimitBelowPageSize_StopsWithoutToken()
    {
        var page = PortalListing.Page(Portals(10), new PortalListRequest(null, 3, 100, null));
        Assert.Equal(3, page.Entries.Length);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public void Page_PortalDeletedBetweenCalls_NothingSkippedOrRepeated()
    {
        var portals = Portals(10);
        var first = PortalListing.Page(portals, new PortalListRequest(null, 0, 4, null));
        portals.RemoveAt(0);
        portals.RemoveAt(2); // portal-4, the last one returned
        var second = PortalListing.Page(portals, new PortalListRequest(null, 0, 4, first.ContinuationToken));
        Assert.Equal(["portal-5", "portal-6", "portal-7", "portal-8"], second.Entries.Select(e => e.Slug));
    }

    [Fact]
    public void Page_Empty_NoResultsNoToken()
    {
        var page = PortalListing.Page([], new PortalListRequest(null, 0, 10, null));
        Assert.Empty(page.Entries);
        Assert.Null(page.ContinuationToken);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("djF8eHwxfA")] // "v1|x|1|" : wrong shape
    [InlineData("!!!")]
    public void Page_ForeignToken_IsRejectedNamingTheField(string token)
    {
        var ex = Assert.Throws<ArgumentException>(() => PortalListing.Page(Portals(3), new PortalListRequest(null, 0, 1, token)));
        Assert.Contains("continuation_token", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_TokenFromAnotherQuery_IsRejected()
    {
        var token = PortalListing.Page(Portals(3), new PortalListRequest("Portal", 0, 1, null)).ContinuationToken;
        var ex = Assert.Throws<ArgumentException>(() => PortalListing.Page(Portals(3), new PortalListRequest("other", 0, 1, token)));
        Assert.Contains("different query", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_Negative_IsRejectedNamingTheField()
    {
        Assert.Contains("limit", Assert.Throws<ArgumentException>(() => PortalListing.Page([], new PortalListRequest(null, -1, 0, null))).Message, StringComparison.Ordinal);
        Assert.Contains("page_size", Assert.Throws<ArgumentException>(() => PortalListing.Page([], new PortalListRequest(null, 0, -5, null))).Message, StringComparison.Ordinal);
    }
}
