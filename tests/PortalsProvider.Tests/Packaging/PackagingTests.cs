using System.Formats.Tar;
using System.IO.Compression;
using System.Net.Sockets;
using System.Security.Cryptography;
using PortalsProvider.Tests.Processes;
using PortalsProvider.Tests.Sdk;

namespace PortalsProvider.Tests.Packaging;

/// <summary>
/// The release archive that <c>scripts/package.sh</c> builds: named from VERSION, holding exactly the plugin binary
/// (executable), the same binary under its Terraform name, README.md and LICENSE, in the layout <c>pulumi plugin install … --file</c> expects.
/// </summary>
public sealed class PackagingTests(PackagedPluginFixture package) : IClassFixture<PackagedPluginFixture>
{
    private const string Binary = "pulumi-resource-buildkite-portals";
    private const string TerraformBinary = "terraform-provider-portals";

    [Fact]
    public void Package_DefaultMode_SucceedsAndPrintsOnlyTheArchivePath()
    {
        Assert.True(package.ExitCode == 0, $"scripts/package.sh failed ({package.ExitCode}):\n{package.Stderr}");
        Assert.Equal(package.ArchivePath, package.Stdout.TrimEnd('\n'));
    }

    [Fact]
    public void Package_ArchiveName_UsesVersionFile()
    {
        var archives = Directory.GetFiles(package.OutDirectory, "*.tar.gz").Select(Path.GetFileName);
        Assert.Equal([package.ExpectedArchiveName], archives);
    }

    [Fact]
    public void Package_Archive_ContainsExactlyBinariesReadmeLicense()
    {
        var entries = ReadEntries();

        Assert.Equal(["LICENSE", "README.md", Binary, TerraformBinary], entries.Keys.Order(StringComparer.Ordinal));
        // The Terraform name is the same program (it picks its front end from its name).
        Assert.Equal(entries[Binary].Content, entries[TerraformBinary].Content);
        Assert.All(entries.Values, e => Assert.Equal(TarEntryType.RegularFile, e.Type));
        Assert.Equal(File.ReadAllBytes(RepoPaths.Of("LICENSE")), entries["LICENSE"].Content);
        Assert.Equal(File.ReadAllBytes(RepoPaths.Of("provider", "README.md")), entries["README.md"].Content);
    }

    [Fact]
    public void Package_Binary_IsAnExecutableElfFile()
    {
        var binary = ReadEntries()[Binary];

        Assert.True(binary.Mode.HasFlag(UnixFileMode.UserExecute), $"mode is {binary.Mode}");
        Assert.True(binary.Mode.HasFlag(UnixFileMode.OtherExecute), $"mode is {binary.Mode}");
        Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], binary.Content.AsSpan(0, 4).ToArray());
    }

    [Fact]
    public void Package_ChecksumFile_MatchesArchive()
    {
        var line = File.ReadAllText(package.ArchivePath + ".sha256").Trim();
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(package.ArchivePath)));
        Assert.Equal($"{hash}  {package.ExpectedArchiveName}", line);
    }

    // The packaged binary must behave as the engine expects: its port as the only stdout line, then exit on SIGTERM.
    [Fact]
    public async Task Package_Binary_StartsAndPrintsOnlyItsPortLine()
    {
        var directory = Directory.CreateTempSubdirectory("portals-plugin-run-").FullName;
        try
        {
            await using (var gzip = new GZipStream(File.OpenRead(package.ArchivePath), CompressionMode.Decompress))
            {
                await TarFile.ExtractToDirectoryAsync(gzip, directory, overwriteFiles: false);
            }
            var provider = await ProviderProcess.StartExecutableAsync(Path.Combine(directory, Binary), directory);
            await using (provider)
            {
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                Assert.Matches(@"^\d{1,5}$", provider.Stdout[0]);
                Assert.InRange(provider.Port, 1, 65535);
                using (var client = new TcpClient())
                {
                    await client.ConnectAsync("127.0.0.1", provider.Port, deadline.Token);
                }

                provider.Terminate();
                await provider.WaitForExitAsync(TimeSpan.FromSeconds(60));
                Assert.Equal(0, provider.ExitCode);
            }

            // Nothing after the port line: stdout is the engine's handshake channel.
            Assert.Single(provider.Stdout);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private Dictionary<string, (TarEntryType Type, UnixFileMode Mode, byte[] Content)> ReadEntries()
    {
        Assert.True(File.Exists(package.ArchivePath), $"no archive: scripts/package.sh said\n{package.Stderr}");
        var entries = new Dictionary<string, (TarEntryType, UnixFileMode, byte[])>(StringComparer.Ordinal);
        using var gzip = new GZipStream(File.OpenRead(package.ArchivePath), CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (reader.GetNextEntry() is { } entry)
        {
            using var content = new MemoryStream();
            entry.DataStream?.CopyTo(content);
            Assert.True(entries.TryAdd(entry.Name, (entry.EntryType, entry.Mode, content.ToArray())), $"{entry.Name} twice");
        }
        return entries;
    }
}
