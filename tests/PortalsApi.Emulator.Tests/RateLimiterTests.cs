using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace PortalsApi.Emulator.Tests;

public sealed class RateLimiterTests : EmulatorTestBase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    protected override EmulatorOptions CreateOptions() => new()
    {
        Token = "t",
        Organization = "acme",
        AdditionalOrganizations = ["globex"],
        RateLimitPerMinute = 3,
        TimeProvider = _time,
    };

    [Fact]
    public async Task EveryResponse_CarriesRateLimitHeaders()
    {
        using var ok = await Http.GetAsync(PortalsPath, Ct);
        using var anonymous = ClientWithToken(null);
        using var unauthorized = await anonymous.GetAsync(PortalsPath, Ct);

        Assert.Equal("2", Header(ok, "RateLimit-Remaining"));
        Assert.Equal("3", Header(ok, "RateLimit-Limit"));
        Assert.Equal("60", Header(ok, "RateLimit-Reset"));
        Assert.Equal("rest", Header(ok, "RateLimit-Scope"));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("1", Header(unauthorized, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task Reset_CountsDownWithTheClock()
    {
        using var first = await Http.GetAsync(PortalsPath, Ct);
        _time.Advance(TimeSpan.FromSeconds(20.5));
        using var second = await Http.GetAsync(PortalsPath, Ct);

        Assert.Equal("40", Header(second, "RateLimit-Reset"));
    }

    [Fact]
    public async Task ExceedingLimit_Returns429WithDocumentedBodyAndDoesNotAct()
    {
        for (var i = 0; i < 3; i++)
        {
            using var ok = await Http.GetAsync(PortalsPath, Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        _time.Advance(TimeSpan.FromSeconds(18));
        using var limited = await PostAsync("""{"name":"a","query":"q"}""");

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("0", Header(limited, "RateLimit-Remaining"));
        Assert.Equal("42", Header(limited, "RateLimit-Reset"));
        var body = (await ReadJsonAsync(limited)).AsObject();
        Assert.Equal("You have exceeded your API rate limit. Please wait 42 seconds before making more requests.", body["message"]!.GetValue<string>());
        Assert.Equal("rest", body["scope"]!.GetValue<string>());
        Assert.Equal(3, body["limit"]!.GetValue<int>());
        Assert.Equal(4, body["current"]!.GetValue<int>());
        Assert.Equal(42, body["reset"]!.GetValue<int>());
        Assert.Empty(Emulator.Portals("acme"));
    }

    [Fact]
    public async Task NewWindow_AfterSixtySeconds_AllowsRequestsAgain()
    {
        for (var i = 0; i < 4; i++)
        {
            using var response = await Http.GetAsync(PortalsPath, Ct);
        }

        _time.Advance(TimeSpan.FromSeconds(60));
        using var again = await Http.GetAsync(PortalsPath, Ct);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("2", Header(again, "RateLimit-Remaining"));
        Assert.Equal("60", Header(again, "RateLimit-Reset"));
    }

    [Fact]
    public async Task Organizations_HaveSeparateWindows()
    {
        for (var i = 0; i < 4; i++)
        {
            using var response = await Http.GetAsync(PortalsPath, Ct);
        }

        using var other = await Http.GetAsync("/v2/organizations/globex/portals", Ct);

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task EmulatorReset_ClearsWindows()
    {
        for (var i = 0; i < 4; i++)
        {
            using var response = await Http.GetAsync(PortalsPath, Ct);
        }

        Emulator.Reset();
        using var again = await Http.GetAsync(PortalsPath, Ct);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
