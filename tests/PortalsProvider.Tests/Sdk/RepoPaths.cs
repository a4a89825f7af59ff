namespace PortalsProvider.Tests.Sdk;

/// <summary>Locates files of the repository the tests run from (the directory holding PortalsProvider.sln).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PortalsProvider.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No PortalsProvider.sln above {AppContext.BaseDirectory}");
    }
}
