using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace PortalsApi.Emulator.Tests;

public sealed class RateLimiterUserTests : EmulatorTestBase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    protected override EmulatorOptions CreateOptions() => new()
    {
        Token = "t",
        Organization = "acme",
        Tokens = new Dictionary<string, IReadOnlyCollection<string>> { ["other"] = EmulatorOptions.AllScopes },
        UserRateLimitPerMinute = 2,
        TimeProvider = _time,
    };

    [Fact]
    public async Task UserLimit_HeadersOnEveryResponseAnd429WithRestUserScope()
    {
        using var first = await Http.GetAsync(PortalsPath, Ct);
        using var second = await Http.GetAsync(PortalsPath, Ct);
        _time.Advance(TimeSpan.FromSeconds(10));
        using var limited = await Http.GetAsync(PortalsPath, Ct);

        Assert.Equal("1", Header(first, "RateLimit-User-Remaining"));
        Assert.Equal("2", Header(first, "RateLimit-User-Limit"));
        Assert.Equal("60", Header(first, "RateLimit-User-Reset"));
        Assert.Equal("rest_user", Header(first, "RateLimit-User-Scope"));
        Assert.Equal("199", Header(first, "RateLimit-Remaining"));
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("0", Header(limited, "RateLimit-User-Remaining"));
        Assert.Equal("50", Header(limited, "RateLimit-User-Reset"));
        var body = await ReadJsonAsync(limited);
        Assert.Equal("rest_user", body["scope"]!.GetValue<string>());
        Assert.Equal(2, body["limit"]!.GetValue<int>());
        Assert.Equal(3, body["current"]!.GetValue<int>());
        Assert.Equal(50, body["reset"]!.GetValue<int>());
    }

    [Fact]
    public async Task UserLimit_IsPerToken()
    {
        for (var i = 0; i < 3; i++)
        {
            using var response = await Http.GetAsync(PortalsPath, Ct);
        }

        using var other = ClientWithToken("other");
        using var fresh = await other.GetAsync(PortalsPath, Ct);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("1", Header(fresh, "RateLimit-User-Remaining"));
    }

    [Fact]
    public async Task WithoutUserLimit_NoUserHeaders()
    {
        await using var emulator = await PortalsEmulator.StartAsync(new EmulatorOptions { Token = "t", Organization = "acme" }, Ct);
        using var client = emulator.CreateClient();
        using var response = await client.GetAsync(PortalsPath, Ct);

        Assert.False(response.Headers.Contains("RateLimit-User-Remaining"));
    }
}
