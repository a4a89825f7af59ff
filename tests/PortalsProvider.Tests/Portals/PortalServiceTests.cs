using System.Net;
using PortalsProvider.Buildkite;
using PortalsProvider.Portals;
using PortalsProvider.Tests.Fakes;

namespace PortalsProvider.Tests.Portals;

public sealed class PortalServiceTests
{
    private readonly FakePortalsApi api = new();

    private PortalService Service => new(api, "acme");

    [Fact]
    public async Task CreateAsync_AmbiguousFailureSeveralMatches_ErrorListsSlugsNoSecondPost()
    {
        api.Seed("Deploys", "deploys-a");
        api.Seed("Deploys", "deploys-b");
        api.Faults["POST"] = FakePortalsApi.Transport("POST");
        var ex = await Assert.ThrowsAsync<PortalOperationException>(() => Service.CreateAsync(new PortalInputs("Deploys", "query { viewer { user { name } } }"), null, default));
        Assert.Contains("deploys-a, deploys-b", ex.Message);
        Assert.Equal(["POST Deploys", "GET *"], api.Journal);
    }

    [Fact]
    public async Task CreateAsync_AmbiguousFailureLookupFails_ReportsBoth()
    {
        api.Faults["POST"] = FakePortalsApi.Transport("POST");
        api.Faults["GET"] = FakePortalsApi.Http(HttpStatusCode.ServiceUnavailable, "GET", "down");
        var ex = await Assert.ThrowsAsync<PortalOperationException>(() => Service.CreateAsync(new PortalInputs("Deploys", "q", Slug: "deploys"), null, default));
        Assert.Contains("checking whether the portal was created failed", ex.Message);
        Assert.Equal(PortalFailure.Unavailable, ex.Failure);
    }

    [Fact]
    public async Task CreateAsync_ProvablyNotActed_NoLookup()
    {
        api.Faults["POST"] = FakePortalsApi.Http(HttpStatusCode.TooManyRequests, "POST", "slow down");
        var ex = await Assert.ThrowsAsync<PortalOperationException>(() => Service.CreateAsync(new PortalInputs("Deploys", "q"), null, default));
        Assert.Equal(PortalFailure.RateLimited, ex.Failure);
        Assert.Equal(["POST Deploys"], api.Journal);
    }

    [Fact]
    public async Task ReadAsync_SlugReusedByAnotherPortal_FindsOursByUuid()
    {
        var ours = api.Seed("Ours", "deploys");
        api.Rename("deploys", "ours-now");
        api.Seed("Theirs", "deploys");
        var state = await Service.ReadAsync(ours.Uuid, "deploys", "bkpat_kept", null, default);
        Assert.Equal("ours-now", state!.Slug);
        Assert.Equal("bkpat_kept", state.Token);
    }

    [Fact]
    public async Task ImportAsync_UnknownUuid_Null() => Assert.Null(await Service.ImportAsync("0190c0de-0000-7000-8000-999999999999", null, default));

    [Fact]
    public async Task ImportAsync_NeverReturnsToken() => Assert.Null((await Service.ImportAsync(api.Seed("A", "a").Slug, null, default))!.Token);

    [Fact]
    public async Task FindAsync_AndListAsync_NoTokensAndFilter()
    {
        var a = api.Seed("Alpha deploys", "alpha");
        api.Seed("Beta", "beta");
        Assert.Equal("alpha", (await Service.FindAsync(null, a.Uuid, null, default))!.Slug);
        Assert.Null((await Service.FindAsync("alpha", null, null, default))!.Token);
        Assert.Null(await Service.FindAsync("nope", null, null, default));
        Assert.Equal(["alpha"], (await Service.ListAsync("DEPLOY", null, default)).Select(p => p.Slug));
    }

    [Fact]
    public void Describe_HttpStatusWithoutMessage_UsesBodyExcerpt()
    {
        var ex = new BuildkiteApiException(ApiFailureKind.HttpStatus, "GET", "/p", HttpStatusCode.BadGateway, null, "<html>bad gateway</html>", 3);
        Assert.Equal("502 BadGateway (after 3 attempts): <html>bad gateway</html>", PortalOperationException.Describe(ex));
    }
}
