using System.Diagnostics;

namespace PortalsProvider.Tests.Processes;

/// <summary>A started child process (a CLI, a script, the plugin in a one-shot mode) whose output is collected while
/// it runs; waits are bounded.</summary>
internal sealed class RunningProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;
    private readonly string _description;

    private RunningProcess(Process process, string description)
    {
        _process = process;
        _description = description;
        _process.StandardInput.Close();
        _stdout = _process.StandardOutput.ReadToEndAsync();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public static RunningProcess Start(string fileName, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
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

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        return new RunningProcess(process, $"{fileName} {string.Join(' ', start.ArgumentList)}");
    }

    /// <summary>Waits for the exit; past <paramref name="timeout"/> the process tree is killed and the test fails with its output.</summary>
    public async Task<ProcessResult> WaitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            throw new TimeoutException($"`{_description}` did not finish within {timeout}.\nstdout:\n{await _stdout}\nstderr:\n{await _stderr}");
        }

        return new ProcessResult(_process.ExitCode, await _stdout, await _stderr);
    }

    /// <summary>Sends SIGINT, as Ctrl-C in a terminal would (to this process only).</summary>
    public async Task InterruptAsync()
    {
        var kill = await RunAsync("kill", ["-INT", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Environment.CurrentDirectory,
            new Dictionary<string, string?>(), TimeSpan.FromMinutes(1));
        Assert.True(kill.ExitCode == 0, kill.ToString());
    }

    /// <summary>Runs a command to completion: its exit code and output, or a <see cref="TimeoutException"/> with
    /// its output once <paramref name="timeout"/> has passed (the process tree is killed).</summary>
    public static Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout) =>
        Start(fileName, args, workingDirectory, environment).WaitAsync(timeout);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
