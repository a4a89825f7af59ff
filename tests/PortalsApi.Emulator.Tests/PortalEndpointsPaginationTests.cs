using System.Net;
using System.Text.RegularExpressions;

namespace PortalsApi.Emulator.Tests;

public sealed partial class PortalEndpointsPaginationTests : EmulatorTestBase
{
    [Fact]
    public async Task List_NoPortals_ReturnsEmptyArrayWithoutLink()
    {
        using var response = await Http.GetAsync(PortalsPath, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync(Ct));
        Assert.False(response.Headers.Contains("Link"));
    }

    [Fact]
    public async Task List_ThirtyPortals_OnePageWithoutLink()
    {
        Emulator.Seed("acme", 30);
        using var response = await Http.GetAsync(PortalsPath, Ct);

        Assert.Equal(30, (await ReadJsonAsync(response)).AsArray().Count);
        Assert.False(response.Headers.Contains("Link"));
    }

    [Fact]
    public async Task List_ThirtyOnePortals_DefaultPerPageIs30WithNextAndLast()
    {
        Emulator.Seed("acme", 31);
        using var first = await Http.GetAsync(PortalsPath, Ct);
        var firstLinks = Links(first);
        using var second = await Http.GetAsync(firstLinks["next"], Ct);
        var secondLinks = Links(second);

        Assert.Equal(30, (await ReadJsonAsync(first)).AsArray().Count);
        Assert.Equal(["next", "last"], firstLinks.Keys);
        Assert.Equal(new Uri(Emulator.BaseUrl, PortalsPath + "?page=2"), new Uri(firstLinks["next"]));
        Assert.Equal(firstLinks["next"], firstLinks["last"]);
        var page2 = (await ReadJsonAsync(second)).AsArray();
        Assert.Equal("portal-31", Assert.Single(page2)!["slug"]!.GetValue<string>());
        Assert.Equal(["prev", "first"], secondLinks.Keys);
        Assert.Equal(new Uri(Emulator.BaseUrl, PortalsPath + "?page=1"), new Uri(secondLinks["prev"]));
    }

    [Fact]
    public async Task List_250PortalsFollowingNext_ReturnsAllInCreationOrderWithAbsoluteLinks()
    {
        var seeded = Emulator.Seed("acme", 250);
        var seen = new List<string>();
        string? next = PortalsPath + "?per_page=100";
        var pages = 0;
        while (next is not null)
        {
            using var response = await Http.GetAsync(next, Ct);
            seen.AddRange((await ReadJsonAsync(response)).AsArray().Select(p => p!["uuid"]!.GetValue<string>()));
            var links = Links(response);
            Assert.All(links.Values, url => Assert.StartsWith(Emulator.BaseUrl.ToString().TrimEnd('/') + PortalsPath + "?per_page=100&page=", url, StringComparison.Ordinal));
            next = links.GetValueOrDefault("next");
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(seeded.Select(p => p.Uuid), seen);
    }

    [Fact]
    public async Task List_MiddlePage_HasAllFourRels()
    {
        Emulator.Seed("acme", 250);
        using var response = await Http.GetAsync(PortalsPath + "?page=2&per_page=100", Ct);
        var links = Links(response);

        Assert.Equal(["next", "prev", "first", "last"], links.Keys);
        Assert.EndsWith("?per_page=100&page=3", links["next"], StringComparison.Ordinal);
        Assert.EndsWith("?per_page=100&page=1", links["prev"], StringComparison.Ordinal);
        Assert.EndsWith("?per_page=100&page=1", links["first"], StringComparison.Ordinal);
        Assert.EndsWith("?per_page=100&page=3", links["last"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_LinkHeader_HasDocumentedFormat()
    {
        Emulator.Seed("acme", 31);
        using var response = await Http.GetAsync(PortalsPath, Ct);

        var expected = $"<{Emulator.BaseUrl.ToString().TrimEnd('/')}{PortalsPath}?page=2>; rel=\"next\", <{Emulator.BaseUrl.ToString().TrimEnd('/')}{PortalsPath}?page=2>; rel=\"last\"";
        Assert.Equal(expected, Header(response, "Link"));
    }

    [Theory]
    [InlineData("per_page=101", 100)]
    [InlineData("per_page=1000", 100)]
    [InlineData("per_page=0", 30)]
    [InlineData("per_page=abc", 30)]
    [InlineData("per_page=7", 7)]
    public async Task List_PerPage_IsCappedAt100AndDefaultsTo30(string query, int expected)
    {
        Emulator.Seed("acme", 250);
        using var response = await Http.GetAsync(PortalsPath + "?" + query, Ct);

        Assert.Equal(expected, (await ReadJsonAsync(response)).AsArray().Count);
    }

    [Fact]
    public async Task List_PageBeyondLast_ReturnsEmptyArrayWithPrevToLastPage()
    {
        Emulator.Seed("acme", 31);
        using var response = await Http.GetAsync(PortalsPath + "?page=5", Ct);

        Assert.Empty((await ReadJsonAsync(response)).AsArray());
        var links = Links(response);
        Assert.EndsWith("page=2", links["prev"], StringComparison.Ordinal);
        Assert.False(links.ContainsKey("next"));
    }

    [Fact]
    public async Task List_AfterDeleteAndCreate_KeepsCreationOrder()
    {
        Emulator.Seed("acme", 3);
        using var deleted = await Http.DeleteAsync(PortalsPath + "/portal-2", Ct);
        using var created = await CreatePortalAsync("Later");
        using var response = await Http.GetAsync(PortalsPath, Ct);

        Assert.Equal(
            ["portal-1", "portal-3", "later"],
            (await ReadJsonAsync(response)).AsArray().Select(p => p!["slug"]!.GetValue<string>()));
    }

    private static Dictionary<string, string> Links(HttpResponseMessage response)
    {
        var links = new Dictionary<string, string>();
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return links;
        }

        foreach (Match match in LinkPattern().Matches(string.Join(", ", values)))
        {
            links.Add(match.Groups["rel"].Value, match.Groups["url"].Value);
        }

        return links;
    }

    [GeneratedRegex("<(?<url>[^>]+)>; rel=\"(?<rel>[a-z]+)\"")]
    private static partial Regex LinkPattern();
}
