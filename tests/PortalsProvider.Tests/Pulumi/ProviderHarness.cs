using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using PortalsProvider.Buildkite;
using PortalsProvider.Portals;
using PortalsProvider.Pulumi;
using PortalsProvider.Tests.Fakes;
using Pulumirpc;

namespace PortalsProvider.Tests.Pulumi;

/// <summary>The real provider host in-process on 127.0.0.1:0, a gRPC client to it, a fake engine for Log,
/// and an injected Portals API (a fake by default; with <c>productionClient</c> the host's own real client).</summary>
internal sealed class ProviderHarness : IAsyncDisposable
{
    public const string Urn = "urn:pulumi:dev::proj::buildkite-portals:index:Portal::p";

    private readonly RunningProvider provider;
    private readonly GrpcChannel channel;

    private ProviderHarness(RunningProvider provider, FakeEngine engine, GrpcChannel channel, FakePortalsApi api, ConcurrentQueue<BuildkiteClientOptions> configured)
    {
        this.provider = provider;
        Engine = engine;
        this.channel = channel;
        Api = api;
        Configured = configured;
        Client = new ResourceProvider.ResourceProviderClient(channel);
    }

    public ResourceProvider.ResourceProviderClient Client { get; }

    public FakeEngine Engine { get; }

    public FakePortalsApi Api { get; }

    /// <summary>Every client configuration the provider created, in order.</summary>
    public ConcurrentQueue<BuildkiteClientOptions> Configured { get; }

    public int Port => provider.Port;

    public static async Task<ProviderHarness> StartAsync(
        IReadOnlyDictionary<string, string>? environment = null,
        Func<BuildkiteClientOptions, IPortalsApi>? apiFactory = null,
        int? maxReceiveBytes = null,
        bool productionClient = false)
    {
        var engine = await FakeEngine.StartAsync();
        var api = new FakePortalsApi();
        var configured = new ConcurrentQueue<BuildkiteClientOptions>();
        var env = environment ?? new Dictionary<string, string>();
        var options = new ProviderHostOptions
        {
            EngineAddress = engine.Address,
            Environment = k => env.TryGetValue(k, out var v) ? v : null,
            ApiFactory = o =>
            {
                configured.Enqueue(o);
                return apiFactory?.Invoke(o) ?? api;
            },
        };
        if (productionClient)
        {
            // The host's own default: the real Buildkite client, wired to the engine log for retry notices.
            options = options with { ApiFactory = null };
        }

        if (maxReceiveBytes is { } max)
        {
            options = options with { MaxReceiveMessageBytes = max };
        }

        var provider = await ProviderHost.StartAsync(options, CancellationToken.None);
        var channel = GrpcChannel.ForAddress(provider.Address);
        return new ProviderHarness(provider, engine, channel, api, configured);
    }

    public static Struct ToStruct(PValue.Object o) => StructValues.ToStruct(o);

    public static PValue.Object FromStruct(Struct s) => StructValues.FromStruct(s);

    public async Task ConfigureAsync(string organization = "acme", string token = "bkua_test_token")
    {
        var args = PValue.Object.From(
        [
            new("apiToken", new PValue.Secret(new PValue.Str(token))),
            new("organization", new PValue.Str(organization)),
            new("version", new PValue.Str("0.1.0")),
        ]);
        await Client.ConfigureAsync(new ConfigureRequest { Args = ToStruct(args), AcceptSecrets = true });
    }

    public async ValueTask DisposeAsync()
    {
        channel.Dispose();
        await provider.DisposeAsync();
        await Engine.DisposeAsync();
    }
}
