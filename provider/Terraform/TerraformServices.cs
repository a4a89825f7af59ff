using Microsoft.Extensions.DependencyInjection;
using PortalsProvider.Buildkite;

namespace PortalsProvider.Terraform;

/// <summary>Dependency registrations of the Terraform front end.</summary>
internal static class TerraformServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton(_ => new TerraformProviderState(options => BuildkiteClient.Create(options)));
        services.AddSingleton<PortalResource>();
        services.AddSingleton<PortalDataSources>();
    }
}
