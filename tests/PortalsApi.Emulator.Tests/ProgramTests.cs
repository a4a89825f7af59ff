using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace PortalsApi.Emulator.Tests;

/// <summary>The standalone host, run as a child process the way the Node suite and the README demo run it.</summary>
public sealed class ProgramTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Standalone_PrintsBaseUrlFirst_ServesAndStopsOnSigterm(bool log)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string[] args = ["--port", "0", "--token", "T", "--org", "acme", "--rate-limit", "50"];
        using var process = StartEmulator(log ? [.. args, "--log"] : args);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        try
        {
            var first = await process.StandardOutput.ReadLineAsync(timeout.Token);

            Assert.NotNull(first);
            Assert.Matches(@"^http://127\.0\.0\.1:\d+$", first);
            using var client = new HttpClient { BaseAddress = new Uri(first) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "T");
            using var response = await client.GetAsync("/v2/organizations/acme/portals", timeout.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("50", response.Headers.GetValues("RateLimit-Limit").Single());
            using var control = await client.GetAsync("/__emulator/journal", timeout.Token);
            Assert.Contains("/v2/organizations/acme/portals", await control.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(timeout.Token);
            }

            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Equal(string.Empty, await process.StandardOutput.ReadToEndAsync(timeout.Token));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Fact]
    public async Task Standalone_WithoutToken_ExitsWithUsage()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var process = StartEmulator("--org", "acme");

        var errors = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--token and --org are required", errors, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await process.StandardOutput.ReadToEndAsync(timeout.Token));
    }

    private static Process StartEmulator(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(PortalsEmulator).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start the emulator");
    }
}
