using System.Globalization;

namespace PortalsProvider.Bench;

/// <summary>Reads memory figures of a live process from <c>/proc/&lt;pid&gt;/status</c> (Linux).</summary>
internal static class ProcStatus
{
    public static long ReadKiB(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var digits = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(digits, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"{field} missing from /proc/{pid}/status");
    }

    /// <summary>
    /// Time the process's live threads have spent on a CPU (sum of <c>/proc/&lt;pid&gt;/task/*/schedstat</c>), in ms:
    /// unlike wall time, it does not grow when other processes compete for the cores.
    /// </summary>
    public static double CpuTimeMs(int pid)
    {
        long nanoseconds = 0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/task"))
        {
            try
            {
                var first = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0];
                nanoseconds += long.Parse(first, CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread exited between listing and reading.
            }
        }

        return nanoseconds / 1e6;
    }
}
