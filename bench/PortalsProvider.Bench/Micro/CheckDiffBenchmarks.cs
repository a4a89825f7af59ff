using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using PortalsProvider.Portals;
using PortalsProvider.Pulumi;
using Pulumirpc;

namespace PortalsProvider.Bench.Micro;

/// <summary>
/// In-process cost of what the provider does per Check and per Diff, on the inputs of figure 2: decode the request
/// bytes, convert Struct → neutral values, validate (GraphQL parse, CIDRs, slug) or compare, and encode the answer.
/// The gRPC figures minus these are the transport's share.
/// </summary>
[Config(typeof(MicroConfig))]
public class CheckDiffBenchmarks
{
    private byte[] _checkRequest = [];
    private byte[] _diffRequest = [];
    private PValue.Object _news = PValue.Object.Empty;
    private PValue.Object _oldInputs = PValue.Object.Empty;
    private PValue.Object _oldOutputs = PValue.Object.Empty;
    private PValue.Object _edited = PValue.Object.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var news = SamplePortal.News(7);
        var edited = SamplePortal.News(7, " (edited)");
        var outputs = ThroughputBenchmark.OldOutputs(7);
        _checkRequest = new CheckRequest { Urn = SamplePortal.Urn(7), Olds = new Struct(), News = news, RandomSeed = SamplePortal.Seed(7) }.ToByteArray();
        _diffRequest = new DiffRequest { Id = "uuid-7", Urn = SamplePortal.Urn(7), Olds = outputs, OldInputs = news, News = edited }.ToByteArray();
        _news = StructValues.FromStruct(news);
        _oldInputs = _news;
        _oldOutputs = StructValues.FromStruct(outputs);
        _edited = StructValues.FromStruct(edited);
    }

    /// <summary>Validation alone (GraphQL parse, CIDRs, slug), on already-decoded values.</summary>
    [Benchmark]
    public bool CheckCore() => PortalChecker.Check(_news).IsValid;

    /// <summary>Everything Check does in-process: bytes → request → values → validate → Struct → bytes.</summary>
    [Benchmark]
    public byte[] CheckEndToEnd()
    {
        var request = CheckRequest.Parser.ParseFrom(_checkRequest);
        var result = PortalChecker.Check(StructValues.FromStruct(request.News));
        return new CheckResponse { Inputs = StructValues.ToStruct(result.Inputs) }.ToByteArray();
    }

    /// <summary>Comparison alone, on already-decoded values.</summary>
    [Benchmark]
    public int DiffCore() => PortalDiffer.Diff(_oldInputs, _oldOutputs, _edited).Length;

    /// <summary>Everything Diff does in-process: bytes → request → values → compare → response → bytes.</summary>
    [Benchmark]
    public byte[] DiffEndToEnd()
    {
        var request = DiffRequest.Parser.ParseFrom(_diffRequest);
        var changes = PortalDiffer.Diff(
            StructValues.FromStruct(request.OldInputs), StructValues.FromStruct(request.Olds), StructValues.FromStruct(request.News));
        var response = new DiffResponse { Changes = changes.IsEmpty ? DiffResponse.Types.DiffChanges.DiffNone : DiffResponse.Types.DiffChanges.DiffSome, HasDetailedDiff = true };
        foreach (var change in changes)
        {
            response.Diffs.Add(change.Property);
            response.DetailedDiff[change.Property] = new PropertyDiff { Kind = PropertyDiff.Types.Kind.Update, InputDiff = true };
        }

        return response.ToByteArray();
    }
}
