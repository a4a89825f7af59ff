using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PortalsProvider.Pulumi;
using Pulumirpc;

namespace PortalsProvider.Tests.Pulumi;

public sealed class ResourceProviderMethodsTests
{
    [Fact]
    public async Task OnServiceMethodDiscovery_Host_ServesEveryProtoMethodOnceWithItsWireNameAndKind()
    {
        await using var host = await ProviderHost.StartAsync(new ProviderHostOptions(), CancellationToken.None);

        var served = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method)
            .OfType<IMethod>()
            .Where(m => m.ServiceName == ResourceProviderMethods.ServiceName)
            .Select(m => $"{m.FullName} {m.Type}")
            .Order(StringComparer.Ordinal);
        var declared = ResourceProvider.Descriptor.Methods
            .Select(m => $"/{m.Service.FullName}/{m.Name} {(m.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary)}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, served);
    }
}
