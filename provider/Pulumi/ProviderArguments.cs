using System.Globalization;

namespace PortalsProvider.Pulumi;

/// <summary>
/// The plugin command line: <c>[--logtostderr] [-v=N] [--tracing URL] [--logflow] [engineAddress]</c>; the engine
/// address is the last argument. With no arguments the provider still serves (the engine sends the address
/// in Handshake, or attaches with PULUMI_DEBUG_PROVIDERS).
/// </summary>
internal sealed record ProviderArguments(string? EngineAddress, bool LogToStderr, int Verbosity, string? TracingUrl)
{
    public static ProviderArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? engine = null;
        string? tracing = null;
        var logToStderr = false;
        var verbosity = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a is "--logtostderr" or "-logtostderr")
            {
                logToStderr = true;
            }
            else if (a is "--logflow" or "-logflow")
            {
            }
            else if (a is "--tracing" or "-tracing")
            {
                tracing = i + 1 < args.Count ? args[++i] : null;
            }
            else if (a.StartsWith("--tracing=", StringComparison.Ordinal))
            {
                tracing = a["--tracing=".Length..];
            }
            else if (a.StartsWith("-v=", StringComparison.Ordinal) || a.StartsWith("--v=", StringComparison.Ordinal))
            {
                _ = int.TryParse(a[(a.IndexOf('=', StringComparison.Ordinal) + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out verbosity);
            }
            else if (!a.StartsWith('-'))
            {
                engine = a;
            }
        }

        return new ProviderArguments(engine, logToStderr, verbosity, tracing);
    }
}
