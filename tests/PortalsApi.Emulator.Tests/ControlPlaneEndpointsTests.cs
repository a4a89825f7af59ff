using System.Net;
using System.Text.Json.Nodes;

namespace PortalsApi.Emulator.Tests;

public sealed class ControlPlaneEndpointsTests : EmulatorTestBase
{
    protected override EmulatorOptions CreateOptions() => new() { Token = "t", Organization = "acme", AdditionalOrganizations = ["globex"] };

    [Fact]
    public async Task GetPortals_ReturnsFullRecordsIncludingToken_WithoutAuth()
    {
        var seeded = Emulator.Seed("acme", new PortalSeed { Name = "One", Token = "bkpat_fixed" });
        using var anonymous = ClientWithToken(null);
        using var response = await anonymous.GetAsync("/__emulator/portals?org=acme", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var portal = Assert.Single((await ReadJsonAsync(response)).AsArray())!;
        Assert.Equal("bkpat_fixed", portal["token"]!.GetValue<string>());
        Assert.Equal("acme", portal["organization"]!.GetValue<string>());
        Assert.Equal(seeded[0].Uuid, portal["uuid"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetPortals_UnknownOrganization_Returns404()
    {
        using var response = await Http.GetAsync("/__emulator/portals?org=nope", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostPortals_SeedsArrayThenCount()
    {
        using var response = await PostAsync(
            """[{"name":"First","query":"q1","description":"d","user_invokable":true},{"name":"Second","slug":"two","allowed_ip_addresses":"10.0.0.0/8","token":"bkpat_x"}]""",
            "/__emulator/portals?org=globex&count=2");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(4, (await ReadJsonAsync(response)).AsArray().Count);
        var stored = Emulator.Portals("globex");
        Assert.Equal(["first", "two", "portal-3", "portal-4"], stored.Select(p => p.Slug));
        Assert.Equal("q1", stored[0].Query);
        Assert.True(stored[0].UserInvokable);
        Assert.Equal("bkpat_x", stored[1].Token);
    }

    [Fact]
    public async Task PostPortals_SingleObject_DefaultOrganization()
    {
        using var response = await PostAsync("""{"name":"Solo"}""", "/__emulator/portals");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("solo", Assert.Single(Emulator.Portals("acme")).Slug);
    }

    [Theory]
    [InlineData("""[{"name":"a"},{"name":"A"}]""", 422)]
    [InlineData("""[{"query":"q"}]""", 400)]
    [InlineData("""{"name":""" , 400)]
    public async Task PostPortals_Invalid_ReturnsError(string body, int status)
    {
        using var response = await PostAsync(body, "/__emulator/portals?org=acme");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.False(string.IsNullOrEmpty(await ReadMessageAsync(response)));
    }

    [Fact]
    public async Task Journal_GetReturnsEntriesAndDeleteClears()
    {
        using var api = await PostAsync("""{"name":"a","query":"q"}""");
        using var journal = await Http.GetAsync("/__emulator/journal", Ct);
        var entry = Assert.Single((await ReadJsonAsync(journal)).AsArray())!.AsObject();
        using var cleared = await Http.DeleteAsync("/__emulator/journal", Ct);

        Assert.Equal(
            ["sequence", "timestamp", "method", "path", "query", "headers", "body", "status", "fault", "aborted"],
            entry.Select(p => p.Key));
        Assert.Equal("POST", entry["method"]!.GetValue<string>());
        Assert.Equal(201, entry["status"]!.GetValue<int>());
        Assert.Equal("Bearer t", entry["headers"]!["Authorization"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(Emulator.Journal.Entries);
    }

    [Fact]
    public async Task Faults_PostAppliesRuleAndJournalNamesKind()
    {
        using var added = await PostAsync("""{"kind":"server_error","status":502,"method":"GET","count":1}""", "/__emulator/faults");
        using var faulted = await Http.GetAsync(PortalsPath, Ct);
        using var journal = await Http.GetAsync("/__emulator/journal", Ct);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("1", (await ReadJsonAsync(added))["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadGateway, faulted.StatusCode);
        Assert.Equal("server_error", (await ReadJsonAsync(journal))[0]!["fault"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"kind":"rate_limit","reset_seconds":9,"send_retry_after":false}""", 429)]
    [InlineData("""{"kind":"status","status":422,"message":"Validation failed: Nope"}""", 422)]
    [InlineData("""{"kind":"NonJson"}""", 200)]
    [InlineData("""{"kind":"delay","delay_ms":5}""", 200)]
    [InlineData("""{"kind":"truncated_json","path_regex":"^/v2/"}""", 200)]
    public async Task Faults_EveryKindParses(string rule, int status)
    {
        using var added = await PostAsync(rule, "/__emulator/faults");
        using var response = await Http.GetAsync(PortalsPath, Ct);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(status, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("""{"kind":"explode"}""")]
    [InlineData("""{"status":500}""")]
    [InlineData("""{"kind":"status"}""")]
    [InlineData("""{"kind":"server_error","count":"two"}""")]
    [InlineData("[]")]
    public async Task Faults_InvalidRule_Returns400(string rule)
    {
        using var response = await PostAsync(rule, "/__emulator/faults");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Emulator.Faults.Rules);
    }

    [Fact]
    public async Task Faults_ReleaseEndpoint_LetsHungRequestContinue()
    {
        using var added = await PostAsync("""{"kind":"hang","method":"POST"}""", "/__emulator/faults");
        var id = (await ReadJsonAsync(added))["id"]!.GetValue<string>();
        var pending = PostAsync("""{"name":"a","query":"q"}""");
        await Emulator.Faults.Find(id)!.WaitForHitsAsync(1, Ct);

        using var released = await Http.PostAsync($"/__emulator/faults/{id}/release", null, Ct);
        using var response = await pending;

        Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Faults_UsedUpRuleStaysListedWithHits()
    {
        using var added = await PostAsync("""{"kind":"server_error","count":1}""", "/__emulator/faults");
        using var faulted = await Http.GetAsync(PortalsPath, Ct);
        using var list = await Http.GetAsync("/__emulator/faults", Ct);

        var rule = Assert.Single((await ReadJsonAsync(list)).AsArray())!;
        Assert.Equal(1, rule["hits"]!.GetValue<int>());
        Assert.False(rule["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Faults_GetListsAndDeleteRemoves()
    {
        using var first = await PostAsync("""{"kind":"server_error"}""", "/__emulator/faults");
        using var second = await PostAsync("""{"kind":"non_json"}""", "/__emulator/faults");
        using var list = await Http.GetAsync("/__emulator/faults", Ct);
        using var deleteOne = await Http.DeleteAsync("/__emulator/faults/1", Ct);
        using var deleteMissing = await Http.DeleteAsync("/__emulator/faults/99", Ct);
        var remaining = Assert.Single(Emulator.Faults.Rules);
        using var deleteAll = await Http.DeleteAsync("/__emulator/faults", Ct);

        Assert.Equal(2, (await ReadJsonAsync(list)).AsArray().Count);
        Assert.Equal(HttpStatusCode.NoContent, deleteOne.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleteMissing.StatusCode);
        Assert.Equal(FaultKind.NonJson, remaining.Rule.Kind);
        Assert.Equal(HttpStatusCode.NoContent, deleteAll.StatusCode);
        Assert.Empty(Emulator.Faults.Rules);
    }

    [Fact]
    public async Task Reset_ClearsPortalsJournalAndFaults()
    {
        Emulator.Seed("acme", 3);
        using var api = await Http.GetAsync(PortalsPath, Ct);
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Method = "DELETE" });

        using var reset = await Http.PostAsync("/__emulator/reset", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Empty(Emulator.Portals("acme"));
        Assert.Empty(Emulator.Journal.Entries);
        Assert.Empty(Emulator.Faults.Rules);
    }

    [Fact]
    public async Task Info_DescribesTheEmulator()
    {
        using var response = await Http.GetAsync("/__emulator", Ct);
        var json = await ReadJsonAsync(response);

        Assert.Equal(Emulator.BaseUrl.ToString().TrimEnd('/'), json["base_url"]!.GetValue<string>());
        Assert.Equal(["acme", "globex"], json["organizations"]!.AsArray().Select(o => o!.GetValue<string>()));
    }
}
