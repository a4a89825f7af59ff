using System.Net;

namespace PortalsApi.Emulator.Tests;

public sealed class PortalEndpointsSlugRegenerationTests : EmulatorTestBase
{
    protected override EmulatorOptions CreateOptions() =>
        new() { Token = "t", Organization = "acme", RegenerateSlugOnNameChange = true };

    [Fact]
    public async Task Update_NameWithoutSlug_RederivesSlug()
    {
        using var created = await CreatePortalAsync("Old Name");
        using var response = await Http.PutAsync(PortalsPath + "/old-name", Json("""{"name":"New Name"}"""), Ct);

        Assert.Equal("new-name", (await ReadJsonAsync(response))["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_NameWithSlug_KeepsSentSlug()
    {
        using var created = await CreatePortalAsync("Old Name");
        using var response = await Http.PutAsync(PortalsPath + "/old-name", Json("""{"name":"New Name","slug":"old-name"}"""), Ct);

        Assert.Equal("old-name", (await ReadJsonAsync(response))["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_RederivedSlugTaken_Returns422()
    {
        using var a = await CreatePortalAsync("Taken");
        using var b = await CreatePortalAsync("Other");
        using var response = await Http.PutAsync(PortalsPath + "/other", Json("""{"name":"Taken"}"""), Ct);

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal("Validation failed: Slug has already been taken", await ReadMessageAsync(response));
    }
}
