using Google.Protobuf.WellKnownTypes;
using PortalsApi.Emulator;
using PortalsProvider.Buildkite;
using PortalsProvider.Portals;
using PortalsProvider.Tests.Pulumi;
using Pulumirpc;

namespace PortalsProvider.Tests.Reliability;

/// <summary>The emulator plus the real provider host in-process (real Buildkite client, real HttpClient) configured
/// against it through the gRPC <c>Configure</c> call, with a fake engine recording <c>Engine.Log</c>. Retry jitter
/// is zero so waits are the server-announced ones exactly (1 s resets keep the matrix quick).</summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    public const string Organization = "acme";

    private EmulatorHost(PortalsEmulator emulator, ProviderHarness harness, string apiToken)
    {
        Emulator = emulator;
        Harness = harness;
        ApiToken = apiToken;
    }

    public PortalsEmulator Emulator { get; }

    public ProviderHarness Harness { get; }

    public ResourceProvider.ResourceProviderClient Client => Harness.Client;

    public FakeEngine Engine => Harness.Engine;

    /// <summary>Deliberately not shaped like a Buildkite token, so redaction can't rely on the token pattern.</summary>
    public string ApiToken { get; }

    /// <summary>Clients the provider created (one per Configure).</summary>
    public int ClientsCreated => Harness.Configured.Count;

    public static async Task<EmulatorHost> StartAsync(int maxRetries = 3, int? rateLimitPerMinute = null)
    {
        var token = "reliability-" + Guid.NewGuid().ToString("N");
        var emulator = await PortalsEmulator.StartAsync(new EmulatorOptions { Token = token, Organization = Organization, RateLimitPerMinute = rateLimitPerMinute });
        var harness = await ProviderHarness.StartAsync(apiFactory: o => BuildkiteClient.Create(o, jitter: () => 0));
        var host = new EmulatorHost(emulator, harness, token);
        await host.ConfigureAsync(maxRetries);
        return host;
    }

    public static Struct ConfigArgs(string apiToken, Uri apiUrl, int maxRetries) => StructValues(PValue.Object.From(
    [
        new("apiToken", new PValue.Secret(new PValue.Str(apiToken))),
        new("organization", new PValue.Str(Organization)),
        new("apiUrl", new PValue.Str(apiUrl.GetLeftPart(UriPartial.Authority))),
        new("maxRetries", new PValue.Str(maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        new("version", new PValue.Str("0.1.0")),
    ]));

    public async Task ConfigureAsync(int maxRetries) =>
        await Client.ConfigureAsync(new ConfigureRequest { Args = ConfigArgs(ApiToken, Emulator.BaseUrl, maxRetries), AcceptSecrets = true });

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    private static Struct StructValues(PValue.Object o) => ProviderHarness.ToStruct(o);
}
