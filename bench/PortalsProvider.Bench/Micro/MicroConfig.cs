using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace PortalsProvider.Bench.Micro;

/// <summary>
/// Short runs in the harness's own process: no generated project to restore and build (minutes on 2 shared cores),
/// at the price of sharing the harness's runtime settings (Release, workstation GC, tiered PGO).
/// </summary>
public sealed class MicroConfig : ManualConfig
{
    public MicroConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
