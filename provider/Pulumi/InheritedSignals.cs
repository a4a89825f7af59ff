using System.Runtime.InteropServices;

namespace PortalsProvider.Pulumi;

/// <summary>
/// The engine ends every run with Cancel, then SIGINT to the plugin, then SIGKILL 5 s later. A process started with
/// SIGINT ignored (a background job of a non-interactive shell, nohup, a test host that inherited either) passes
/// that on to its children, and .NET deliberately keeps an inherited ignore: such a plugin would sit out the grace
/// period and be killed mid-call instead of cancelling and exiting. Go's <c>signal.Notify</c> takes the signal back
/// in that case, and so does this, before the runtime's signal handling starts (it decides once, at start-up).
/// </summary>
internal static partial class InheritedSignals
{
    private const int SigInt = 2; // the same number on Linux and macOS
    private static readonly nint SigDfl = 0;
    private static readonly nint SigIgn = 1;

    /// <summary>Restores SIGINT's default disposition if it was inherited ignored; returns whether it was.</summary>
    public static bool RestoreIgnoredSigInt()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        // Query only (act = null). The handler is the first field of struct sigaction on Linux and macOS; the buffer
        // is larger than the struct on either.
        var old = new nint[32];
        if (Sigaction(SigInt, null, old) != 0 || old[0] != SigIgn)
        {
            return false;
        }

        return Signal(SigInt, SigDfl) == SigIgn;
    }

    [LibraryImport("libc", EntryPoint = "sigaction")]
    private static partial int Sigaction(int signal, nint[]? action, [Out] nint[] oldAction);

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint Signal(int signal, nint handler);
}
