using System.Net;
using System.Text.Json.Nodes;

namespace PortalsApi.Emulator.Tests;

public sealed class PortalEndpointsTests : EmulatorTestBase
{
    private const string AuthenticationRequired =
        "Authentication required. Please supply a valid API Access Token: https://buildkite.com/docs/apis/rest-api#authentication";

    protected override EmulatorOptions CreateOptions() => new()
    {
        Token = "t",
        Organization = "acme",
        AdditionalOrganizations = ["globex"],
        Tokens = new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["reader"] = ["read_portals"],
            ["writer"] = ["write_portals"],
        },
    };

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    public async Task List_WithoutValidToken_Returns401(string? token)
    {
        using var client = ClientWithToken(token);
        using var response = await client.GetAsync(PortalsPath, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(AuthenticationRequired, await ReadMessageAsync(response));
    }

    [Fact]
    public async Task Create_WithBasicAuth_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, PortalsPath);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "dDo=");
        using var client = ClientWithToken(null);
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Create_WithReadOnlyToken_Returns403NamingScope()
    {
        using var client = ClientWithToken("reader");
        using var response = await client.PostAsync(PortalsPath, Json("""{"name":"a","query":"q"}"""), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Your access token doesn't have the write_portals scope", await ReadMessageAsync(response));
        Assert.Empty(Emulator.Portals("acme"));
    }

    [Fact]
    public async Task ReadAndWriteVerbs_WithWriteOnlyToken_ReadsAre403WritesWork()
    {
        using var client = ClientWithToken("writer");
        using var created = await client.PostAsync(PortalsPath, Json("""{"name":"a","query":"q"}"""), Ct);
        using var list = await client.GetAsync(PortalsPath, Ct);
        using var get = await client.GetAsync(PortalsPath + "/a", Ct);
        using var put = await client.PutAsync(PortalsPath + "/a", Json("""{"name":"b"}"""), Ct);
        using var delete = await client.DeleteAsync(PortalsPath + "/a", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal("Your access token doesn't have the read_portals scope", await ReadMessageAsync(list));
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task List_UnknownOrganization_Returns404NoOrganizationFound()
    {
        using var response = await Http.GetAsync("/v2/organizations/nope/portals", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No organization found", await ReadMessageAsync(response));
    }

    [Fact]
    public async Task Create_InAdditionalOrganization_IsSeparateFromDefault()
    {
        using var response = await PostAsync("""{"name":"Shared","query":"q"}""", "/v2/organizations/globex/portals");
        using var again = await CreatePortalAsync("Shared");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Single(Emulator.Portals("globex"));
        Assert.Single(Emulator.Portals("acme"));
        Assert.NotEqual(Emulator.Portals("globex")[0].OrganizationUuid, Emulator.Portals("acme")[0].OrganizationUuid);
    }

    [Fact]
    public async Task Create_WithoutNameAndQuery_Returns422WithRailsJoinedMessage()
    {
        using var response = await PostAsync("{}");

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal("Validation failed: Name can't be blank, Query can't be blank", await ReadMessageAsync(response));
    }

    [Fact]
    public async Task Create_EmptyBody_Returns422LikeEmptyObject()
    {
        using var response = await Http.PostAsync(PortalsPath, null, Ct);

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal("Validation failed: Name can't be blank, Query can't be blank", await ReadMessageAsync(response));
    }

    [Theory]
    [InlineData("""{"name":"  ","query":"q"}""", "Validation failed: Name can't be blank")]
    [InlineData("""{"name":"a","query":null}""", "Validation failed: Query can't be blank")]
    [InlineData("""{"name":3,"query":"q"}""", "Validation failed: Name is invalid")]
    [InlineData("""{"name":"a","query":"q","user_invokable":"yes"}""", "Validation failed: User invokable is not included in the list")]
    [InlineData("""{"name":"a","query":"q","slug":"Bad Slug"}""", "Validation failed: Slug is invalid")]
    [InlineData("""{"name":"!!!","query":"q"}""", "Validation failed: Slug can't be blank")]
    [InlineData("""{"name":"a","query":"q","allowed_ip_addresses":"10.0.0.0/8 nope"}""", "Validation failed: Allowed ip addresses contains an invalid IP address or CIDR block: nope")]
    [InlineData("""{"name":"a","query":"q","allowed_ip_addresses":"10.0.0.0/33"}""", "Validation failed: Allowed ip addresses contains an invalid IP address or CIDR block: 10.0.0.0/33")]
    [InlineData("""{"name":"","query":"","description":5}""", "Validation failed: Name can't be blank, Query can't be blank, Description is invalid")]
    public async Task Create_InvalidFields_Returns422WithMessage(string body, string message)
    {
        using var response = await PostAsync(body);

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal(message, await ReadMessageAsync(response));
        Assert.Empty(Emulator.Portals("acme"));
    }

    [Fact]
    public async Task Create_SlugLongerThan100_Returns422TooLong()
    {
        using var response = await PostAsync(new JsonObject { ["name"] = "a", ["query"] = "q", ["slug"] = new string('a', 101) }.ToJsonString());

        Assert.Equal("Validation failed: Slug is too long (maximum is 100 characters)", await ReadMessageAsync(response));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[1,2]")]
    [InlineData("\"name\"")]
    [InlineData("""{"name":"a","name":"b","query":"q"}""")]
    public async Task Create_BodyNotAJsonObject_Returns400(string body)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Problems parsing JSON", await ReadMessageAsync(response));
    }

    [Fact]
    public async Task Create_Valid_Returns201WithEveryFieldAndToken()
    {
        using var response = await PostAsync("""{"name":"Viewer Info","query":"{ viewer { user { name } } }"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = (await ReadJsonAsync(response)).AsObject();
        Assert.Equal(
            ["uuid", "slug", "organization_uuid", "name", "description", "query", "allowed_ip_addresses", "user_invokable", "created_at", "created_by", "token"],
            json.Select(p => p.Key));
        Assert.Equal("viewer-info", json["slug"]!.GetValue<string>());
        Assert.Null(json["description"]);
        Assert.Null(json["allowed_ip_addresses"]);
        Assert.False(json["user_invokable"]!.GetValue<bool>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", json["created_at"]!.GetValue<string>());
        Assert.Matches("^bkpat_[a-z0-9]{40}$", json["token"]!.GetValue<string>());
        Assert.True(Guid.TryParse(json["uuid"]!.GetValue<string>(), out _));
        Assert.Equal(
            ["id", "graphql_id", "name", "email", "avatar_url", "created_at"],
            json["created_by"]!.AsObject().Select(p => p.Key));
        var stored = Assert.Single(Emulator.Portals("acme"));
        Assert.Equal(json["token"]!.GetValue<string>(), stored.Token);
        Assert.Equal(json["created_at"]!.GetValue<string>(), stored.CreatedAtText);
    }

    [Fact]
    public async Task Create_AllOptionalFields_AreStoredAsSent()
    {
        using var response = await PostAsync(
            """{"name":"N","query":"query A { viewer { id } }\n","slug":"custom-1","description":"d","allowed_ip_addresses":"10.0.0.0/8 192.168.1.1 2001:db8::/32","user_invokable":true}""");

        var json = await ReadJsonAsync(response);
        Assert.Equal("custom-1", json["slug"]!.GetValue<string>());
        Assert.Equal("d", json["description"]!.GetValue<string>());
        Assert.Equal("10.0.0.0/8 192.168.1.1 2001:db8::/32", json["allowed_ip_addresses"]!.GetValue<string>());
        Assert.True(json["user_invokable"]!.GetValue<bool>());
        Assert.Equal("query A { viewer { id } }\n", json["query"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("My Portal", "my-portal")]
    [InlineData("  Hello,   World!! ", "hello-world")]
    [InlineData("ABC_def--ghi", "abc-def-ghi")]
    [InlineData("Déjà vu 2", "d-j-vu-2")]
    [InlineData("2024 report", "2024-report")]
    [InlineData("-leading and trailing-", "leading-and-trailing")]
    public async Task Create_WithoutSlug_DerivesItFromName(string name, string slug)
    {
        using var response = await CreatePortalAsync(name);

        Assert.Equal(slug, (await ReadJsonAsync(response))["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_VeryLongName_DerivedSlugIsCappedAt100()
    {
        using var response = await CreatePortalAsync(new string('x', 99) + " yz");

        Assert.Equal(new string('x', 99), (await ReadJsonAsync(response))["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_BlankSlug_DerivesFromName()
    {
        using var response = await CreatePortalAsync("Name Here", slug: "");

        Assert.Equal("name-here", (await ReadJsonAsync(response))["slug"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("viewer", null)]
    [InlineData("Viewer", null)]
    [InlineData("other", "viewer")]
    public async Task Create_DuplicateSlug_Returns422Taken(string secondName, string? secondSlug)
    {
        using var first = await CreatePortalAsync("viewer");
        using var second = await CreatePortalAsync(secondName, secondSlug);

        Assert.Equal((HttpStatusCode)422, second.StatusCode);
        Assert.Equal("Validation failed: Slug has already been taken", await ReadMessageAsync(second));
        Assert.Single(Emulator.Portals("acme"));
    }

    [Fact]
    public async Task GetAndList_NeverReturnToken()
    {
        using var created = await CreatePortalAsync("Viewer");
        using var get = await Http.GetAsync(PortalsPath + "/viewer", Ct);
        using var list = await Http.GetAsync(PortalsPath, Ct);

        var one = (await ReadJsonAsync(get)).AsObject();
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.False(one.ContainsKey("token"));
        Assert.Equal("viewer", one["slug"]!.GetValue<string>());
        var item = Assert.Single((await ReadJsonAsync(list)).AsArray())!.AsObject();
        Assert.False(item.ContainsKey("token"));
        Assert.DoesNotContain(Emulator.Portals("acme")[0].Token, await get.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task MissingPortal_Returns404NoPortalFound(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), PortalsPath + "/ghost") { Content = Json("{}") };
        using var response = await Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No portal found", await ReadMessageAsync(response));
    }

    [Fact]
    public async Task Update_SomeFields_ChangesOnlyThose()
    {
        using var created = await PostAsync("""{"name":"A","query":"q1","description":"d","allowed_ip_addresses":"10.0.0.0/8","user_invokable":true}""");
        using var response = await Http.PutAsync(PortalsPath + "/a", Json("""{"query":"q2"}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = (await ReadJsonAsync(response)).AsObject();
        Assert.False(json.ContainsKey("token"));
        Assert.Equal("q2", json["query"]!.GetValue<string>());
        Assert.Equal("A", json["name"]!.GetValue<string>());
        Assert.Equal("d", json["description"]!.GetValue<string>());
        Assert.Equal("10.0.0.0/8", json["allowed_ip_addresses"]!.GetValue<string>());
        Assert.True(json["user_invokable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Update_ExplicitNull_ClearsDescriptionAndAllowedIps()
    {
        using var created = await PostAsync("""{"name":"A","query":"q","description":"d","allowed_ip_addresses":"10.0.0.0/8"}""");
        using var response = await Http.PutAsync(PortalsPath + "/a", Json("""{"description":null,"allowed_ip_addresses":null}"""), Ct);

        var json = await ReadJsonAsync(response);
        Assert.Null(json["description"]);
        Assert.Null(json["allowed_ip_addresses"]);
        var stored = Assert.Single(Emulator.Portals("acme"));
        Assert.Null(stored.Description);
        Assert.Null(stored.AllowedIpAddresses);
    }

    [Fact]
    public async Task Update_NewSlug_RenamesInPlace()
    {
        using var created = await CreatePortalAsync("Old");
        var before = Assert.Single(Emulator.Portals("acme"));
        using var response = await Http.PutAsync(PortalsPath + "/old", Json("""{"slug":"new-name","name":"Renamed"}"""), Ct);
        using var oldGet = await Http.GetAsync(PortalsPath + "/old", Ct);
        using var newGet = await Http.GetAsync(PortalsPath + "/new-name", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, oldGet.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newGet.StatusCode);
        var after = Assert.Single(Emulator.Portals("acme"));
        Assert.Equal(before.Uuid, after.Uuid);
        Assert.Equal(before.Token, after.Token);
        Assert.Equal("new-name", after.Slug);
    }

    [Fact]
    public async Task Update_NameOnly_KeepsSlug()
    {
        using var created = await CreatePortalAsync("Old");
        using var response = await Http.PutAsync(PortalsPath + "/old", Json("""{"name":"Completely Different"}"""), Ct);

        Assert.Equal("old", (await ReadJsonAsync(response))["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_SlugTakenByAnother_Returns422()
    {
        using var a = await CreatePortalAsync("a");
        using var b = await CreatePortalAsync("b");
        using var response = await Http.PutAsync(PortalsPath + "/b", Json("""{"slug":"a"}"""), Ct);
        using var same = await Http.PutAsync(PortalsPath + "/b", Json("""{"slug":"b"}"""), Ct);

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal("Validation failed: Slug has already been taken", await ReadMessageAsync(response));
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
    }

    [Theory]
    [InlineData("""{"name":""}""", "Validation failed: Name can't be blank")]
    [InlineData("""{"query":null,"user_invokable":null}""", "Validation failed: Query can't be blank, User invokable is not included in the list")]
    [InlineData("""{"slug":"UPPER"}""", "Validation failed: Slug is invalid")]
    public async Task Update_InvalidFields_Returns422AndChangesNothing(string body, string message)
    {
        using var created = await CreatePortalAsync("a");
        var before = Emulator.Portals("acme")[0];
        using var response = await Http.PutAsync(PortalsPath + "/a", Json(body), Ct);

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal(message, await ReadMessageAsync(response));
        Assert.Equal(before, Emulator.Portals("acme")[0]);
    }

    [Fact]
    public async Task Update_InvalidJson_Returns400()
    {
        using var created = await CreatePortalAsync("a");
        using var response = await Http.PutAsync(PortalsPath + "/a", Json("{nope"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Delete_Existing_Returns204ThenGetReturns404()
    {
        using var created = await CreatePortalAsync("a");
        using var delete = await Http.DeleteAsync(PortalsPath + "/a", Ct);
        using var get = await Http.GetAsync(PortalsPath + "/a", Ct);
        using var again = await Http.DeleteAsync(PortalsPath + "/a", Ct);

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Empty(await delete.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Empty(Emulator.Portals("acme"));
    }

    [Fact]
    public async Task Delete_KeepsTheConnectionUsable()
    {
        Emulator.Seed("acme", 3);
        for (var i = 1; i <= 3; i++)
        {
            using var delete = await Http.DeleteAsync($"{PortalsPath}/portal-{i}", Ct);
            using var list = await Http.GetAsync(PortalsPath, Ct);
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }

        Assert.All(Emulator.Journal.Entries, e => Assert.False(e.Aborted));
    }

    [Fact]
    public async Task UnknownRoute_Returns404Json()
    {
        using var response = await Http.GetAsync("/v2/nothing-here", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not Found", await ReadMessageAsync(response));
    }
}
