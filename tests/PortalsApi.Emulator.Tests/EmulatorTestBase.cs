using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PortalsApi.Emulator.Tests;

/// <summary>Starts a fresh emulator per test (org <c>acme</c>, token <c>t</c>) with a plain HttpClient.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes through IAsyncLifetime.DisposeAsync.")]
public abstract class EmulatorTestBase : IAsyncLifetime
{
    protected const string PortalsPath = "/v2/organizations/acme/portals";

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    protected PortalsEmulator Emulator { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    /// <summary>Bounds every await so a broken test fails instead of hanging.</summary>
    protected CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        Emulator = await PortalsEmulator.StartAsync(CreateOptions(), Ct);
        Http = Emulator.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
        _timeout.Dispose();
    }

    protected virtual EmulatorOptions CreateOptions() => new() { Token = "t", Organization = "acme" };

    protected static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    protected static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("JSON null");

    protected static async Task<string> ReadMessageAsync(HttpResponseMessage response) =>
        (await ReadJsonAsync(response))["message"]!.GetValue<string>();

    protected Task<HttpResponseMessage> PostAsync(string json, string path = PortalsPath) => Http.PostAsync(path, Json(json), Ct);

    protected Task<HttpResponseMessage> CreatePortalAsync(string name, string? slug = null)
    {
        var body = new JsonObject { ["name"] = name, ["query"] = "{ viewer { user { name } } }" };
        if (slug is not null)
        {
            body["slug"] = slug;
        }

        return PostAsync(body.ToJsonString());
    }

    protected HttpClient ClientWithToken(string? token)
    {
        var client = new HttpClient { BaseAddress = Emulator.BaseUrl };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    protected static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"no {name} header");
}
