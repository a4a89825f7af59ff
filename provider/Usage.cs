namespace PortalsProvider;

/// <summary>The binary's <c>--help</c> text. Always written to stderr: stdout belongs to the port line (plugin
/// mode) and to the document (<c>import-plan</c>).</summary>
internal static class Usage
{
    public const string Text =
        $"""
        {ProviderInfo.PluginBinaryName} VERSION: the Pulumi resource provider for Buildkite Portals.

        Usage:
          {ProviderInfo.PluginBinaryName} [--logtostderr] [-v=N] [ENGINE_ADDRESS]
              Serve the provider (this is how the Pulumi engine starts it): prints the gRPC port on stdout and
              serves until stopped. Without ENGINE_ADDRESS it also waits for the engine to attach
              (PULUMI_DEBUG_PROVIDERS="buildkite-portals:<port>").

          {ProviderInfo.PluginBinaryName} import-plan [--organization ORG] [--api-url URL]
                [--name-contains TEXT] [--output FILE]
              Write the document `pulumi import --file FILE` reads, one entry per portal of the organization
              (type {ProviderInfo.ResourceToken}, a logical name from the slug, the UUID as ID).
              The token comes from BUILDKITE_API_TOKEN only (read_portals scope); --organization defaults to
              BUILDKITE_ORGANIZATION_SLUG, --api-url to BUILDKITE_REST_URL, then https://api.buildkite.com.
              The document goes to stdout unless --output is given; messages go to stderr.

          {ProviderInfo.PluginBinaryName} schema
              Print the Pulumi package schema (JSON) on stdout.

          {ProviderInfo.PluginBinaryName} --help
              This text.
        """;

    public static string Render() => Text.Replace(ProviderInfo.PluginBinaryName + " VERSION", ProviderInfo.PluginBinaryName + " " + ProviderInfo.Version, StringComparison.Ordinal) + "\n";
}
