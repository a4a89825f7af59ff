using System.Diagnostics;

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

    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException(
                $"`{fileName} {string.Join(' ', start.ArgumentList)}` did not finish within {timeout}.\nstdout:\n{await stdout}\nstderr:\n{await stderr}");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    private static string? Find()
    {
        var name = OperatingSystem.IsWindows() ? "terraform.exe" : "terraform";
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }
}
