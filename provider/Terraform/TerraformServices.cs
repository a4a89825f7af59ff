using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PortalsProvider.Buildkite;

namespace PortalsProvider.Terraform;

/// <summary>Dependency registrations of the Terraform front end.</summary>
internal static partial class TerraformServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("PortalsProvider.Terraform.Retries");

            // Terraform has no channel for progress messages, so retry waits go to the provider log (TF_LOG):
            // a slow apply can be explained ("rate limited; retrying in 42 s") instead of looking stuck.
            return new TerraformProviderState(options => BuildkiteClient.Create(
                options, time, onRetry: n => LogRetry(logger, n.Method, n.Path, n.Reason, n.Delay.TotalSeconds, n.Attempt)));
        });
        services.AddSingleton<PortalResource>();
        services.AddSingleton<PortalDataSources>();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: {Reason}; retrying in {Seconds:0.#} s (attempt {Attempt} failed)")]
    private static partial void LogRetry(ILogger logger, string method, string path, string reason, double seconds, int attempt);
}
