using System.Globalization;
using PortalsProvider.Buildkite;
using PortalsProvider.Portals;

namespace PortalsProvider.ImportPlan;

/// <summary>
/// <c>import-plan</c>: lists every portal of an organization (all pages) and writes the document
/// <c>pulumi import --file</c> reads. Configuration resolves exactly as the provider's own (the same table, the
/// same environment variables and URL rules, the real Buildkite client with its retries); only the token is
/// restricted to <c>BUILDKITE_API_TOKEN</c>. The document goes to stdout or <c>--output</c>; every message goes to
/// stderr. Exit codes: 0 written, 1 the API failed, 2 bad usage or configuration.
/// </summary>
internal sealed class ImportPlanCommand(
    Func<string, string?> environment,
    TextWriter stdout,
    TextWriter stderr,
    Func<BuildkiteClientOptions, IPortalsApi>? apiFactory = null)
{
    public const string Name = "import-plan";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        ImportPlanArguments parsed;
        try
        {
            parsed = ImportPlanArguments.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync($"{Name}: {Without(ex)}\nRun `{ProviderInfo.PluginBinaryName} --help` for usage.").ConfigureAwait(false);
            return 2;
        }

        if (parsed.Help)
        {
            await stderr.WriteAsync(Usage.Render()).ConfigureAwait(false);
            return 0;
        }

        var options = await ResolveAsync(parsed).ConfigureAwait(false);
        if (options is null)
        {
            return 2;
        }

        IPortalsApi api;
        try
        {
            api = (apiFactory ?? (o => BuildkiteClient.Create(o, onRetry: Notify)))(options);
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync($"{Name}: {Without(ex)}").ConfigureAwait(false);
            return 2;
        }

        IReadOnlyList<PortalState> portals;
        try
        {
            portals = await new PortalService(api, options.Organization).ListAsync(parsed.NameContains, timeout: null, ct).ConfigureAwait(false);
        }
        catch (PortalOperationException ex)
        {
            await stderr.WriteLineAsync($"{Name}: organization \"{options.Organization}\": {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            (api as IDisposable)?.Dispose();
        }

        var entries = ImportPlanNames.Assign(portals.Select(p => new PortalListEntry(p.Uuid, p.Slug)));
        var document = ImportPlanDocument.Write(entries);
        var count = string.Create(CultureInfo.InvariantCulture, $"{entries.Count} portal{(entries.Count == 1 ? string.Empty : "s")}");
        var filter = parsed.NameContains is { Length: > 0 } nc ? $" whose name contains \"{nc}\"" : string.Empty;
        if (parsed.Output is { } path)
        {
            await WriteFileAsync(path, document, ct).ConfigureAwait(false);
            await stderr.WriteLineAsync($"{Name}: wrote {count}{filter} of organization \"{options.Organization}\" to {path}; import them with: pulumi import --file {path}").ConfigureAwait(false);
        }
        else
        {
            await stdout.WriteAsync(document).ConfigureAwait(false);
            await stdout.FlushAsync(ct).ConfigureAwait(false);
            await stderr.WriteLineAsync($"{Name}: {count}{filter} of organization \"{options.Organization}\"").ConfigureAwait(false);
        }

        if (entries.Count == 0)
        {
            await stderr.WriteLineAsync($"{Name}: the document lists no portals; `pulumi import --file` will have nothing to import").ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>The provider's configuration rules, fed from the flags and the environment. Messages name the
    /// flag or environment variable the user can change.</summary>
    private async Task<BuildkiteClientOptions?> ResolveAsync(ImportPlanArguments parsed)
    {
        var config = PValue.Object.Empty;
        if (parsed.Organization is { } org)
        {
            config = config.With(PortalProperties.ConfigOrganization, new PValue.Str(org));
        }

        if (parsed.ApiUrl is { } url)
        {
            config = config.With(PortalProperties.ConfigApiUrl, new PValue.Str(url));
        }

        // The token only from its environment variable, never from a flag.
        var resolution = PortalsConfig.Resolve(config, environment);
        foreach (var f in resolution.Failures)
        {
            var reason = f.Reason
                .Replace(PortalsConfig.KeyPrefix + PortalProperties.ConfigOrganization, ImportPlanArguments.OrganizationFlag, StringComparison.Ordinal)
                .Replace(PortalsConfig.KeyPrefix + PortalProperties.ConfigApiUrl, ImportPlanArguments.ApiUrlFlag, StringComparison.Ordinal);
            await stderr.WriteLineAsync($"{Name}: {reason}").ConfigureAwait(false);
        }

        foreach (var m in resolution.Missing)
        {
            var message = m.Name switch
            {
                PortalProperties.ConfigOrganization => $"no organization: pass {ImportPlanArguments.OrganizationFlag} ORG or set {m.EnvVar}",
                PortalProperties.ConfigApiToken => $"no API token: set {m.EnvVar} to a Buildkite API token with the read_portals scope",
                _ => $"missing {m.Name}: set {m.EnvVar}",
            };
            await stderr.WriteLineAsync($"{Name}: {message}").ConfigureAwait(false);
        }

        return resolution.Options;
    }

    /// <summary>A run by hand should say why it is slow rather than stall silently.</summary>
    private void Notify(RetryNotice n) =>
        stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{Name}: {n.Method} {n.Path}: {n.Reason}; retrying in {Math.Ceiling(n.Delay.TotalSeconds):0} s (attempt {n.Attempt + 1})"));

    /// <summary>Write-then-rename, so an interrupted run never leaves half a document where the last one was.</summary>
    private static async Task WriteFileAsync(string path, string content, CancellationToken ct)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(temp, content, ct).ConfigureAwait(false);
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>The message without the " (Parameter 'x')" suffix ArgumentException appends.</summary>
    private static string Without(ArgumentException ex) =>
        ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal);
}
