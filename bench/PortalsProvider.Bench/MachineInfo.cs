using System.Globalization;
using System.Runtime.InteropServices;

namespace PortalsProvider.Bench;

/// <summary>What the table ran on: CPU, cores, memory, OS, runtime, and how busy the machine was.</summary>
internal static class MachineInfo
{
    public static IReadOnlyList<string> Describe()
    {
        var lines = new List<string>
        {
            $"CPU: {CpuModel()} ({Environment.ProcessorCount} logical cores visible)",
            $"Memory: {MemTotalGiB():F1} GiB",
            $"OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})",
            $".NET: {RuntimeInformation.FrameworkDescription} (harness), SDK {Environment.GetEnvironmentVariable("BENCH_DOTNET_SDK") ?? "?"}",
            $"Load average at start (1/5/15 min): {LoadAverage()}",
        };
        return lines;
    }

    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(" / ", parts.Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? "?";
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static double MemTotalGiB()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            var kib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            return kib / 1024.0 / 1024.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
