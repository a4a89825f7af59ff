// Hand-written to the shape of Pulumi's generated .NET SDKs (pulumi-language-dotnet codegen). Kept equal to the
// provider's schema by tests/PortalsProvider.Tests/Sdk/SdkSchemaTests.cs.

namespace Pulumi.BuildkitePortals;

/// <summary>Package-wide helpers: the SDK version and environment-variable accessors.</summary>
internal static class Utilities
{
    private static readonly string[] s_trueValues = { "1", "t", "T", "true", "TRUE", "True" };
    private static readonly string[] s_falseValues = { "0", "f", "F", "false", "FALSE", "False" };

    /// <summary>
    /// The package version, read from the embedded <c>version.txt</c> (the repository's VERSION file). Every
    /// resource registers with it, so the engine loads exactly this version of the resource plugin.
    /// </summary>
    public static string Version { get; } = ReadVersion();

    public static string? GetEnv(params string[] names)
    {
        foreach (var n in names)
        {
            var value = global::System.Environment.GetEnvironmentVariable(n);
            if (value != null)
            {
                return value;
            }
        }
        return null;
    }

    public static bool? GetEnvBoolean(params string[] names)
    {
        var s = GetEnv(names);
        if (s != null)
        {
            if (global::System.Array.IndexOf(s_trueValues, s) != -1)
            {
                return true;
            }
            if (global::System.Array.IndexOf(s_falseValues, s) != -1)
            {
                return false;
            }
        }
        return null;
    }

    public static int? GetEnvInt32(params string[] names) =>
        int.TryParse(GetEnv(names), global::System.Globalization.NumberStyles.Integer,
            global::System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    public static global::Pulumi.InvokeOptions WithDefaults(this global::Pulumi.InvokeOptions? src)
    {
        var dst = src ?? new global::Pulumi.InvokeOptions();
        dst.Version = src?.Version ?? Version;
        return dst;
    }

    private static string ReadVersion()
    {
        var assembly = typeof(Utilities).Assembly;
        using var stream = assembly.GetManifestResourceStream("Pulumi.BuildkitePortals.version.txt")
            ?? throw new global::System.NotSupportedException("Missing embedded version.txt file");
        using var reader = new global::System.IO.StreamReader(stream);
        var version = reader.ReadToEnd().Trim();
        var parts = version.Split('\n');
        // Generated SDKs may carry "<provider name>\n<version>"; the version is then the second line.
        return parts.Length == 2 ? parts[1].Trim() : version;
    }
}
