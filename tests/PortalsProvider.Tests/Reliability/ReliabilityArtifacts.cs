using System.Text;

namespace PortalsProvider.Tests.Reliability;

/// <summary>Where the reliability tests write the figures that <c>scripts/reliability-report.sh</c> assembles into
/// <c>docs/reliability.md</c>: <c>artifacts/reliability/*.md</c> at the repository root (git-ignored). Writing is
/// best effort: a read-only checkout never fails a test.</summary>
internal static class ReliabilityArtifacts
{
    public static string? Directory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PortalsProvider.sln")))
                {
                    return Path.Combine(dir.FullName, "artifacts", "reliability");
                }
            }

            return null;
        }
    }

    public static void Write(string fileName, string markdown)
    {
        try
        {
            if (Directory is { } dir)
            {
                System.IO.Directory.CreateDirectory(dir);
                File.WriteAllText(Path.Combine(dir, fileName), markdown, new UTF8Encoding(false));
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
