using System.Runtime.InteropServices;

namespace PortalsApi.Emulator;

/// <summary>
/// Standalone: <c>dotnet run --project tests/PortalsApi.Emulator -- --port 0 --token T --org O [--org O2] [--rate-limit N] [--user-rate-limit N]
/// [--regenerate-slug-on-name-change] [--log]</c>.
/// The first stdout line is the base URL; the process serves until SIGINT or SIGTERM.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (!StandaloneArguments.TryParse(args, out var options, out var error))
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync(StandaloneArguments.Usage);
            return 2;
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        await using var emulator = await PortalsEmulator.StartAsync(options!);
        Console.Out.WriteLine(emulator.BaseUrl.ToString().TrimEnd('/'));
        await Console.Out.FlushAsync();
        await stop.Task;
        return 0;
    }
}
