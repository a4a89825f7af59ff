using System.Net.Http.Json;
using System.Text.Json;
using PortalsApi.Emulator;
using PortalsProvider.Tests.Processes;

namespace PortalsProvider.Tests.Terraform;

/// <summary>
/// The real Terraform CLI driving the published provider (dev_overrides, no init) against the emulator.
/// Assertions are on what Terraform printed and on the emulator's store and request journal.
/// </summary>
[Collection(TerraformCliGroup.Name)]
public sealed class TerraformCliTests(PublishedProviderFixture fixture)
{
    private const string Query = "query { viewer { user { name } } }";

    private static string Portal(
        string label, string name, string? slug = null, string? description = null, string? allowedIps = null, bool? userInvokable = null) => $$"""
        resource "portals_portal" "{{label}}" {
          name  = "{{name}}"
          query = "{{Query}}"
        {{(slug is null ? string.Empty : $"  slug = \"{slug}\"")}}
        {{(description is null ? string.Empty : $"  description = \"{description}\"")}}
        {{(allowedIps is null ? string.Empty : $"  allowed_ip_addresses = {allowedIps}")}}
        {{(userInvokable is null ? string.Empty : $"  user_invokable = {(userInvokable.Value ? "true" : "false")}")}}
        }
        """;

    [TerraformFact]
    public async Task PlanApply_Create_TokenSensitiveThenNoChanges()
    {
        await using var ws = await TerraformWorkspace.StartAsync(fixture);
        await ws.WriteConfigAsync(Portal("deploys", "Deploys", allowedIps: """["192.0.2.0/24", "10.0.0.0/8"]""") + """

            output "portal_token" {
              value     = portals_portal.deploys.token
              sensitive = true
            }
            """);

        var plan = await ws.RunOkAsync("plan", "-no-color", "-input=false");
        Assert.Contains("# portals_portal.deploys will be created", plan.Stdout);
        Assert.Matches(@"\+ token\s+= \(sensitive value\)", plan.Stdout);
        Assert.Matches(@"\+ id\s+= \(known after apply\)", plan.Stdout);
        Assert.Matches(@"\+ slug\s+= \(known after apply\)", plan.Stdout);
        Assert.Empty(ws.Writes); // planning never writes

        var apply = await ws.RunOkAsync("apply", "-no-color", "-input=false", "-auto-approve");
        Assert.Contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.", apply.Stdout);
        var portal = Assert.Single(ws.Portals);
        Assert.Equal("Deploys", portal.Name);
        Assert.Equal("deploys", portal.Slug);
        Assert.Equal(["10.0.0.0/8", "192.0.2.0/24"], portal.AllowedIpAddresses!.Split(' ').Order());
        Assert.Equal(["POST /v2/organizations/acme/portals"], ws.Writes.Select(e => $"{e.Method} {e.Path}"));
        Assert.Equal("terraform-provider-portals", ws.Emulator.Journal.Entries[0].Header("User-Agent")?.Split('/')[0]);

        // The token is in state (sensitive-marked), the ID is the UUID.
        var state = await ReadStateAsync(ws);
        var attributes = Resource(state, "deploys").GetProperty("instances")[0];
        Assert.Equal(portal.Uuid, attributes.GetProperty("attributes").GetProperty("id").GetString());
        Assert.Equal(portal.Token, attributes.GetProperty("attributes").GetProperty("token").GetString());
        Assert.Contains("token", attributes.GetProperty("sensitive_attributes").GetRawText());

        var again = await ws.RunAsync("plan", "-no-color", "-input=false", "-detailed-exitcode");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("No changes.", again.Stdout);
    }

    [TerraformFact]
    public async Task SlugRename_PlannedInPlace_AppliedAsOnePutToTheOldSlug()
    {
        await using var ws = await TerraformWorkspace.StartAsync(fixture);
        await ws.WriteConfigAsync(Portal("p", "Release", slug: "release-old"));
        await ws.RunOkAsync("apply", "-no-color", "-input=false", "-auto-approve");
        var before = Assert.Single(ws.Portals);
        ws.Emulator.Journal.Clear();

        await ws.WriteConfigAsync(Portal("p", "Release", slug: "release-new"));
        var plan = await ws.RunOkAsync("plan", "-no-color", "-input=false");
        Assert.Contains("~ update in-place", plan.Stdout);
        Assert.Contains("will be updated in-place", plan.Stdout);
        Assert.Matches(@"~ slug\s+= ""release-old"" -> ""release-new""", plan.Stdout);
        Assert.Contains("portals/release-new", plan.Stdout); // the url follows the slug
        Assert.DoesNotContain("must be replaced", plan.Stdout);
        Assert.DoesNotContain("forces replacement", plan.Stdout);

        var apply = await ws.RunOkAsync("apply", "-no-color", "-input=false", "-auto-approve");
        Assert.Contains("Resources: 0 added, 1 changed, 0 destroyed.", apply.Stdout);
        var put = Assert.Single(ws.Writes);
        Assert.Equal(("PUT", "/v2/organizations/acme/portals/release-old"), (put.Method, put.Path));
        Assert.Equal("release-new", JsonDocument.Parse(put.Body).RootElement.GetProperty("slug").GetString());
        var after = Assert.Single(ws.Portals);
        Assert.Equal((before.Uuid, before.Token, "release-new"), (after.Uuid, after.Token, after.Slug));

        // The token was carried forward in state and nothing is left to do.
        var token = Resource(await ReadStateAsync(ws), "p").GetProperty("instances")[0].GetProperty("attributes").GetProperty("token").GetString();
        Assert.Equal(before.Token, token);
        var again = await ws.RunAsync("plan", "-no-color", "-input=false", "-detailed-exitcode");
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    [TerraformFact]
    public async Task RemovingDescriptionAndAllowList_ClearsThemWithExplicitNulls()
    {
        await using var ws = await TerraformWorkspace.StartAsync(fixture);
        await ws.WriteConfigAsync(Portal("p", "Docs", description: "Runs the docs build", allowedIps: """["10.0.0.0/8"]"""));
        await ws.RunOkAsync("apply", "-no-color", "-input=false", "-auto-approve");
        ws.Emulator.Journal.Clear();

        await ws.WriteConfigAsync(Portal("p", "Docs"));
        var plan = await ws.RunOkAsync("plan", "-no-color", "-input=false");
        Assert.Matches(@"- description\s+= ""Runs the docs build"" -> null", plan.Stdout);
        await ws.RunOkAsync("apply", "-no-color", "-input=false", "-auto-approve");

        var put = Assert.Single(ws.Writes);
        var body = JsonDocument.Parse(put.Body).RootElement;
        Assert.Equal(JsonValueKind.Null, body.GetProperty("description").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("allowed_ip_addresses").ValueKind);
        var portal = Assert.Single(ws.Portals);
        Assert.Null(portal.Description);
        Assert.True(string.IsNullOrEmpty(portal.AllowedIpAddresses));
        var again = await ws.RunAsync("plan", "-no-color", "-input=false", "-detailed-exitcode");
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    [TerraformFact]
    public async Task RefreshOnly_OutOfBandRename_ShowsDriftAndRecordsIt()
    {
        await using var ws = await TerraformWorkspace.StartAsync(fixture);
        await ws.WriteConfigAsync(Portal("p", "Nightly"));
        await ws.RunOkAsync("apply", "-no-color", "-input=false", "-auto-approve");
        var uuid = Assert.Single(ws.Portals).Uuid;

        // Someone renames the portal (new slug and name) outside Terraform.
        using var http = ws.Emulator.CreateClient();
        using var response = await http.PutAsJsonAsync("/v2/organizations/acme/portals/nightly", new
        {
            name = "Nightly (edited)",
            query = Query,
            slug = "nightly-edited",
            description = "edited by hand",
            allowed_ip_addresses = (string?)null,
            user_invokable = false,
        });
        response.EnsureSuccessStatusCode();
        ws.Emulator.Journal.Clear();

        var plan = await ws.RunOkAsync("plan", "-refresh-only", "-no-color", "-input=false");
        Assert.Contains("Objects have changed outside of Terraform", plan.Stdout);
        Assert.Matches(@"~ slug\s+= ""nightly"" -> ""nightly-edited""", plan.Stdout);
        Assert.Matches(@"~ name\s+= ""Nightly"" -> ""Nightly \(edited\)""", plan.Stdout);
        Assert.Matches(@"\+ description\s+= ""edited by hand""", plan.Stdout);
        Assert.DoesNotContain("has been deleted", plan.Stdout);

        await ws.RunOkAsync("apply", "-refresh-only", "-no-color", "-input=false", "-auto-approve");
        var attributes = Resource(await ReadStateAsync(ws), "p").GetProperty("instances")[0].GetProperty("attributes");
        Assert.Equal(uuid, attributes.GetProperty("id").GetString());
        Assert.Equal("nightly-edited", attributes.GetProperty("slug").GetString());
        Assert.Empty(ws.Writes); // refreshing only reads
    }

    [TerraformFact]
    public async Task ImportCommandBySlugAndImportBlockByUuid_ThenNoDiff()
    {
        await using var ws = await TerraformWorkspace.StartAsync(fixture);
        var seeded = ws.Seed(
            new PortalSeed { Name = "Existing one", Query = Query, Slug = "existing-one", Description = "from the UI" },
            new PortalSeed { Name = "Existing two", Query = Query, AllowedIpAddresses = "192.0.2.0/24 10.0.0.0/8", UserInvokable = true });
        await ws.WriteConfigAsync(
            Portal("one", "Existing one", slug: "existing-one", description: "from the UI")
            + "\n" + Portal("two", "Existing two", allowedIps: """["10.0.0.0/8", "192.0.2.0/24"]""", userInvokable: true)
            + $$"""

            import {
              to = portals_portal.two
              id = "{{seeded[1].Uuid}}"
            }
            """);

        var import = await ws.RunOkAsync("import", "-no-color", "-input=false", "portals_portal.one", "existing-one");
        Assert.Contains("Import successful!", import.Stdout);

        var plan = await ws.RunOkAsync("plan", "-no-color", "-input=false");
        Assert.Contains("portals_portal.two will be imported", plan.Stdout);
        Assert.Contains("Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.", plan.Stdout);
        var apply = await ws.RunOkAsync("apply", "-no-color", "-input=false", "-auto-approve");
        Assert.Contains("Apply complete! Resources: 1 imported, 0 added, 0 changed, 0 destroyed.", apply.Stdout);

        var again = await ws.RunAsync("plan", "-no-color", "-input=false", "-detailed-exitcode");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Empty(ws.Writes); // importing never writes
        var state = await ReadStateAsync(ws);
        Assert.Equal(seeded[0].Uuid, Resource(state, "one").GetProperty("instances")[0].GetProperty("attributes").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, Resource(state, "two").GetProperty("instances")[0].GetProperty("attributes").GetProperty("token").ValueKind);
    }

    [TerraformFact]
    public async Task Destroy_DeletesThePortal()
    {
        await using var ws = await TerraformWorkspace.StartAsync(fixture);
        await ws.WriteConfigAsync(Portal("a", "Alpha") + "\n" + Portal("b", "Beta", slug: "beta"));
        await ws.RunOkAsync("apply", "-no-color", "-input=false", "-auto-approve");
        Assert.Equal(2, ws.Portals.Count);
        ws.Emulator.Journal.Clear();

        var destroy = await ws.RunOkAsync("destroy", "-no-color", "-input=false", "-auto-approve");

        Assert.Contains("Destroy complete! Resources: 2 destroyed.", destroy.Stdout);
        Assert.Empty(ws.Portals);
        Assert.Equal(
            ["DELETE /v2/organizations/acme/portals/alpha", "DELETE /v2/organizations/acme/portals/beta"],
            ws.Writes.Select(e => $"{e.Method} {e.Path}").Order());
    }

    [TerraformFact]
    public async Task DataSources_ReadOnePortalAndEveryPage()
    {
        await using var ws = await TerraformWorkspace.StartAsync(fixture);
        ws.Emulator.Seed(TerraformWorkspace.Organization, 105); // more than one page of 100
        await ws.WriteConfigAsync("""
            data "portals_portal" "by_slug" {
              slug = "portal-42"
            }

            data "portals_portals" "all" {}

            output "name" { value = data.portals_portal.by_slug.name }
            output "count" { value = length(data.portals_portals.all.portals) }
            """);

        var apply = await ws.RunOkAsync("apply", "-no-color", "-input=false", "-auto-approve");

        Assert.Contains("name = \"Portal 42\"", apply.Stdout);
        Assert.Contains("count = 105", apply.Stdout);
    }

    [TerraformFact]
    public async Task Validate_BadSlugAndCidr_NamesTheAttributes()
    {
        await using var ws = await TerraformWorkspace.StartAsync(fixture);
        await ws.WriteConfigAsync(Portal("p", "Bad", slug: "Not A Slug", allowedIps: """["10.0.0.1/8"]"""));

        var validate = await ws.RunAsync("validate", "-no-color");

        Assert.NotEqual(0, validate.ExitCode);
        Assert.Contains("Invalid slug", validate.Output);
        Assert.Contains("Invalid allowed_ip_addresses", validate.Output);
        Assert.Contains("did you mean 10.0.0.0/8?", validate.Output);
        Assert.Empty(ws.Emulator.Journal.Entries);
    }

    [TerraformFact]
    public async Task Plan_MissingToken_NamesSettingAndEnvVar()
    {
        await using var ws = await TerraformWorkspace.StartAsync(fixture);
        await ws.WriteConfigAsync(Portal("p", "Anything"));

        var plan = await RunningProcess.RunAsync(TerraformCli.Path!, ["plan", "-no-color", "-input=false"], ws.Directory,
            new Dictionary<string, string?>
            {
                ["TF_CLI_CONFIG_FILE"] = fixture.CliConfigFile,
                ["CHECKPOINT_DISABLE"] = "1",
                ["BUILDKITE_API_TOKEN"] = null,
                ["BUILDKITE_REST_URL"] = ws.Emulator.BaseUrl.ToString(),
            }, TerraformCli.CommandTimeout);

        Assert.NotEqual(0, plan.ExitCode);
        Assert.Contains("Missing provider setting \"api_token\"", plan.Output);
        Assert.Contains("BUILDKITE_API_TOKEN", plan.Output);
    }

    [Fact]
    public async Task Binary_RunByHand_ExplainsItIsAPlugin()
    {
        var result = await RunningProcess.RunAsync(fixture.ProviderBinary, [], fixture.Root,
            new Dictionary<string, string?> { ["TF_PLUGIN_MAGIC_COOKIE"] = null }, TimeSpan.FromMinutes(2));

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("This binary is a plugin.", result.Stderr);
    }

    private static async Task<JsonElement> ReadStateAsync(TerraformWorkspace ws)
    {
        await using var file = File.OpenRead(System.IO.Path.Combine(ws.Directory, "terraform.tfstate"));
        using var document = await JsonDocument.ParseAsync(file);
        return document.RootElement.Clone();
    }

    private static JsonElement Resource(JsonElement state, string name) =>
        state.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "portals_portal" && r.GetProperty("name").GetString() == name);
}
