using Microsoft.Extensions.Logging;
using PortalsProvider.ImportPlan;
using PortalsProvider.Pulumi;

namespace PortalsProvider;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (Terraform.TerraformHost.IsTerraformLaunch())
        {
            return await Terraform.TerraformHost.RunAsync(args, CancellationToken.None).ConfigureAwait(false);
        }

        // `schema` is a maintenance mode, not a plugin mode: it prints the package schema to stdout and exits
        // (`dotnet run --project provider -- schema > provider/schema.json`).
        if (args is ["schema"])
        {
            await Console.Out.WriteAsync(PulumiSchema.Json).ConfigureAwait(false);
            return 0;
        }

        // `--help` (alone or anywhere in plugin mode): usage on stderr, never stdout, which the engine reads.
        if (args is ["--help"] or ["-h"] or ["help"] || (args is not [ImportPlanCommand.Name, ..] && args.Contains("--help")))
        {
            await Console.Error.WriteAsync(Usage.Render()).ConfigureAwait(false);
            return 0;
        }

        // `import-plan`: a command run by hand; the engine never starts the plugin with it.
        if (args is [ImportPlanCommand.Name, .. var rest])
        {
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            try
            {
                return await new ImportPlanCommand(Environment.GetEnvironmentVariable, Console.Out, Console.Error)
                    .RunAsync(rest, cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"{ImportPlanCommand.Name}: cancelled").ConfigureAwait(false);
                return 130;
            }
        }

        // Before anything starts the runtime's signal handling: the engine's SIGINT must reach the host.
        InheritedSignals.RestoreIgnoredSigInt();
        var parsed = ProviderArguments.Parse(args);
        var options = new ProviderHostOptions
        {
            EngineAddress = parsed.EngineAddress,
            LogToStderr = parsed.LogToStderr,
            LogLevel = parsed.Verbosity >= 9 ? LogLevel.Trace : parsed.Verbosity >= 5 ? LogLevel.Debug : LogLevel.Information,
        };
        await using var provider = await ProviderHost.StartAsync(options, CancellationToken.None).ConfigureAwait(false);

        // The handshake: the port, alone, on the first line of stdout; nothing else is ever written there.
        await Console.Out.WriteAsync(provider.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n").ConfigureAwait(false);
        await Console.Out.FlushAsync().ConfigureAwait(false);
        await provider.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }
}
