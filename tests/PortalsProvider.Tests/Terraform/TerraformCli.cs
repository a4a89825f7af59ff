namespace PortalsProvider.Tests.Terraform;

/// <summary>Finds and runs the installed <c>terraform</c> CLI with a bounded timeout.</summary>
internal static class TerraformCli
{
    /// <summary>Generous: a 2-core CI machine shared with other builds still finishes well inside this.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(4);

    public static string? Path { get; } = Find();

    /// <summary>True when the CLI is on PATH.</summary>
    public static bool IsAvailable => Path is not null;

    /// <summary>In CI (<c>CI=true</c>) a missing CLI fails the tests instead of skipping them: the build image has it.</summary>
    public static bool IsRequired => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public const string SkipReason =
        "terraform CLI not found on PATH: the Terraform end-to-end tests need Terraform >= 1.5 (they are not skipped when CI=true).";

    private static string? Find()
    {
        var name = OperatingSystem.IsWindows() ? "terraform.exe" : "terraform";
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }
}
