using PortalsProvider.Buildkite;

namespace PortalsProvider.Tests.Buildkite;

public sealed class LinkHeaderTests
{
    private static readonly Uri _request = new("https://api.buildkite.com/v2/organizations/acme/portals?per_page=100");

    [Theory]
    [InlineData("<https://api.buildkite.com/x?page=2>; rel=\"next\"", "https://api.buildkite.com/x?page=2")]
    [InlineData("<https://h/x?page=1>; rel=\"prev\", <https://h/x?page=3>; rel=\"next\", <https://h/x?page=9>; rel=\"last\"", "https://h/x?page=3")]
    [InlineData("<https://h/x?page=9>; rel=\"last\",<https://h/x?page=3>;rel=next", "https://h/x?page=3")]
    [InlineData("<https://h/x?a=1,2>; title=\"a, b\"; rel=\"prev next\"", "https://h/x?a=1,2")]
    [InlineData("</v2/organizations/acme/portals?page=2>; REL=\"Next\"", "https://api.buildkite.com/v2/organizations/acme/portals?page=2")]
    public void FindTarget_VariousHeaderShapes_FindsNext(string header, string expected)
    {
        Assert.Equal(new Uri(expected), LinkHeader.FindTarget([header], "next", _request));
    }

    [Theory]
    [InlineData("<https://h/x?page=1>; rel=\"prev\", <https://h/x?page=9>; rel=\"last\"")]
    [InlineData("garbage")]
    [InlineData("<https://h/x?page=2; rel=\"next\"")]
    [InlineData("")]
    public void FindTarget_NoNextLink_ReturnsNull(string header)
    {
        Assert.Null(LinkHeader.FindTarget([header], "next", _request));
    }

    [Fact]
    public void FindTarget_SeveralHeaderValues_SearchesAll()
    {
        Assert.Equal(
            new Uri("https://h/x?page=2"),
            LinkHeader.FindTarget(["<https://h/x?page=9>; rel=\"last\"", "<https://h/x?page=2>; rel=\"next\""], "next", _request));
    }
}
