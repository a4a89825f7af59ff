using Microsoft.Extensions.DependencyInjection;
using PortalsProvider.Buildkite;

namespace PortalsProvider.Terraform;

/// <summary>Dependency registrations of the Terraform front end.</summary>
internal static class TerraformServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton(sp => new TerraformProviderState(CreateClient));
        services.AddSingleton<PortalResource>();
        services.AddSingleton<PortalDataSources>();
    }

    private static IPortalsApi CreateClient(BuildkiteClientOptions options) =>
        throw new NotSupportedException("The Buildkite client is not merged yet.");
}
