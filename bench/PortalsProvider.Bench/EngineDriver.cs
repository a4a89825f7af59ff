using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;

namespace PortalsProvider.Bench;

/// <summary>Makes the calls the Pulumi engine makes, with the engine's request shapes (pulumi-protocol.md §1–§2).</summary>
internal sealed class EngineDriver(ResourceProvider.ResourceProviderClient client)
{
    public ResourceProvider.ResourceProviderClient Client { get; } = client;

    /// <summary>Handshake (as the engine does, without an engine address) then Configure like <c>pulumi up</c>.</summary>
    public async Task ConfigureAsync(Uri apiUrl, string token, string organization, CancellationToken ct)
    {
        try
        {
            await Client.HandshakeAsync(new ProviderHandshakeRequest { ConfigureWithUrn = true }, cancellationToken: ct);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
        }

        var args = new Struct();
        args.Fields["apiToken"] = SamplePortal.Secret(token);
        args.Fields["organization"] = Value.ForString(organization);
        args.Fields["apiUrl"] = Value.ForString(apiUrl.ToString());
        var request = new ConfigureRequest
        {
            Args = args,
            AcceptSecrets = true,
            AcceptResources = true,
            SendsOldInputs = true,
            SendsOldInputsToDelete = true,
        };
#pragma warning disable CS0612 // `variables` is deprecated in the protocol, but the engine still sends it.
        request.Variables.Add("buildkite-portals:config:apiToken", token);
        request.Variables.Add("buildkite-portals:config:organization", organization);
        request.Variables.Add("buildkite-portals:config:apiUrl", apiUrl.ToString());
#pragma warning restore CS0612
        await Client.ConfigureAsync(request, cancellationToken: ct);
    }

    public async Task<Struct> CheckAsync(int i, Struct olds, Struct news, CancellationToken ct)
    {
        var response = await Client.CheckAsync(
            new CheckRequest
            {
                Urn = SamplePortal.Urn(i),
                Olds = olds,
                News = news,
                RandomSeed = SamplePortal.Seed(i),
                Name = $"portal-{i}",
                Type = SamplePortal.ResourceType,
            },
            cancellationToken: ct);
        if (response.Failures.Count > 0)
        {
            throw new InvalidOperationException(
                $"Check failed: {string.Join("; ", response.Failures.Select(f => $"{f.Property}: {f.Reason}"))}");
        }

        return response.Inputs;
    }

    public async Task<DiffResponse> DiffAsync(int i, string id, Struct oldOutputs, Struct oldInputs, Struct news, CancellationToken ct) =>
        await Client.DiffAsync(
            new DiffRequest
            {
                Id = id,
                Urn = SamplePortal.Urn(i),
                Olds = oldOutputs,
                OldInputs = oldInputs,
                News = news,
                Name = $"portal-{i}",
                Type = SamplePortal.ResourceType,
            },
            cancellationToken: ct);

    public async Task<CreateResponse> CreateAsync(int i, Struct checkedInputs, CancellationToken ct) =>
        await Client.CreateAsync(
            new CreateRequest
            {
                Urn = SamplePortal.Urn(i),
                Properties = checkedInputs,
                Name = $"portal-{i}",
                Type = SamplePortal.ResourceType,
            },
            cancellationToken: ct);

    public async Task<ReadResponse> ReadAsync(int i, string id, Struct outputs, Struct inputs, CancellationToken ct) =>
        await Client.ReadAsync(
            new ReadRequest
            {
                Id = id,
                Urn = SamplePortal.Urn(i),
                Properties = outputs,
                Inputs = inputs,
                Name = $"portal-{i}",
                Type = SamplePortal.ResourceType,
            },
            cancellationToken: ct);

    public async Task DeleteAsync(int i, string id, Struct outputs, Struct inputs, CancellationToken ct) =>
        await Client.DeleteAsync(
            new DeleteRequest
            {
                Id = id,
                Urn = SamplePortal.Urn(i),
                Properties = outputs,
                OldInputs = inputs,
                Name = $"portal-{i}",
                Type = SamplePortal.ResourceType,
            },
            cancellationToken: ct);
}
