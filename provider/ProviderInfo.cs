using System.Reflection;

namespace PortalsProvider;

/// <summary>Names and the version that every front end reports.</summary>
internal static class ProviderInfo
{
    public const string PackageName = "buildkite-portals";
    public const string PluginBinaryName = "pulumi-resource-buildkite-portals";
    public const string ResourceToken = "buildkite-portals:index:Portal";
    public const string ProviderToken = "pulumi:providers:buildkite-portals";

    /// <summary>The semver from the repository's VERSION file, stamped at build time.</summary>
    public static string Version { get; } = typeof(ProviderInfo).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "PortalsVersion").Value!;
}
