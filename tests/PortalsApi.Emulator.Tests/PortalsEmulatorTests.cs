using System.Net;
using System.Net.Sockets;

namespace PortalsApi.Emulator.Tests;

public sealed class PortalsEmulatorTests : EmulatorTestBase
{
    [Fact]
    public void BaseUrl_IsLoopbackWithAssignedPort()
    {
        Assert.Equal("http", Emulator.BaseUrl.Scheme);
        Assert.Equal("127.0.0.1", Emulator.BaseUrl.Host);
        Assert.NotEqual(0, Emulator.BaseUrl.Port);
    }

    [Fact]
    public async Task StartAsync_ExplicitPort_ListensThere()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        await using var emulator = await PortalsEmulator.StartAsync(new EmulatorOptions { Token = "t", Organization = "o", Port = port }, Ct);

        Assert.Equal(port, emulator.BaseUrl.Port);
    }

    [Theory]
    [InlineData("", "acme")]
    [InlineData("t", " ")]
    public async Task StartAsync_MissingTokenOrOrganization_Throws(string token, string organization)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => PortalsEmulator.StartAsync(new EmulatorOptions { Token = token, Organization = organization }, Ct));
    }

    [Fact]
    public void Seed_ReturnsStoredPortalsWithTokens()
    {
        var seeded = Emulator.Seed(
            "acme",
            new PortalSeed { Name = "Alpha", Description = "first" },
            new PortalSeed { Name = "Beta", Slug = "b", Token = "bkpat_known", UserInvokable = true });

        Assert.Equal(seeded, Emulator.Portals("acme"));
        Assert.Equal("alpha", seeded[0].Slug);
        Assert.Equal("acme", seeded[0].Organization);
        Assert.StartsWith("bkpat_", seeded[0].Token, StringComparison.Ordinal);
        Assert.Equal("bkpat_known", seeded[1].Token);
        Assert.Equal(EmulatedUser.Default, seeded[1].CreatedBy);
    }

    [Fact]
    public void Seed_Count_ContinuesNumbering()
    {
        Emulator.Seed("acme", 2);
        var more = Emulator.Seed("acme", 2);

        Assert.Equal(["portal-3", "portal-4"], more.Select(p => p.Slug));
        Assert.Equal(4, Emulator.Portals("acme").Count);
    }

    [Fact]
    public void Seed_Invalid_ThrowsWithApiMessage()
    {
        Emulator.Seed("acme", new PortalSeed { Name = "Dup" });

        var error = Assert.Throws<ArgumentException>(() => Emulator.Seed("acme", new PortalSeed { Name = "dup" }));

        Assert.StartsWith("Validation failed: Slug has already been taken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Portals_UnknownOrganization_Throws() =>
        Assert.Throws<ArgumentException>(() => Emulator.Portals("nope"));

    [Fact]
    public async Task CreatedAt_UsesTimeProviderTruncatedToMilliseconds()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2024, 8, 26, 3, 22, 45, TimeSpan.Zero).AddTicks(5_559_999));
        await using var emulator = await PortalsEmulator.StartAsync(new EmulatorOptions { Token = "t", Organization = "o", TimeProvider = time }, Ct);

        var portal = emulator.Seed("o", new PortalSeed { Name = "x" })[0];

        Assert.Equal("2024-08-26T03:22:45.555Z", portal.CreatedAtText);
    }

    [Fact]
    public async Task CreateClient_EmptyToken_SendsNoAuthorization()
    {
        using var client = Emulator.CreateClient("");
        using var response = await client.GetAsync(PortalsPath, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task DisposeAsync_Twice_IsHarmless()
    {
        var emulator = await PortalsEmulator.StartAsync(new EmulatorOptions { Token = "t", Organization = "o" }, Ct);

        await emulator.DisposeAsync();
        await emulator.DisposeAsync();
    }
}
