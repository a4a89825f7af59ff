using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PortalsProvider.Buildkite;
using PortalsProvider.Pulumi;
using PortalsProvider.Tests.Pulumi;
using Pulumirpc;
using Xunit.Abstractions;

namespace PortalsProvider.Tests.Reliability;

/// <summary>
/// Issue 4 §2: property-based tests of Check, Diff, CheckConfig and Configure over ≥ 10 000 generated Structs
/// each, through gRPC. Check, Diff and CheckConfig never fail the call: bad input is CheckFailures with property
/// paths. Configure signals bad config as INVALID_ARGUMENT (its only channel), never another code, and never
/// echoes the token. Counts go to the test output and <c>artifacts/reliability/fuzz-*.md</c>.
/// </summary>
public sealed class StructFuzzTests(ITestOutputHelper output)
{
    public const int Runs = 10_000;

    private static readonly Config FsConfig = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(Runs).WithEndSize(100);

    [Fact]
    public async Task Check_GeneratedStructs_OnlyCheckFailuresWithPaths()
    {
        await using var h = await ProviderHarness.StartAsync();
        await h.ConfigureAsync();
        var stats = new FuzzStats();
        var property = Prop.ForAll(Arb.From(StructGenerators.Inputs), news =>
        {
            var r = h.Client.Check(new CheckRequest { Urn = ProviderHarness.Urn, Olds = new Struct(), News = news, RandomSeed = Google.Protobuf.ByteString.Empty }, deadline: Deadline());
            var wire = Struct.Parser.ParseFrom(news.ToByteString()); // keys as sent: lone surrogates became U+FFFD
            Assert.All(r.Failures, f =>
            {
                Assert.False(string.IsNullOrEmpty(f.Reason));
                var root = f.Property.Split('[')[0];
                Assert.True(wire.Fields.ContainsKey(root) || wire.Fields.ContainsKey(f.Property) || IsInput(root), $"failure path \"{f.Property}\" names no property");
            });
            AssertSecretsKept(wire, r.Inputs);
            stats.Add(news, r.Failures.Count);
            return true;
        });
        Check.One(FsConfig, property);
        Report("check", "Check", stats);
    }

    [Fact]
    public async Task Diff_GeneratedStructs_NeverFailsNeverReplaces()
    {
        await using var h = await ProviderHarness.StartAsync();
        await h.ConfigureAsync();
        var stats = new FuzzStats();
        var requests = Gen.Zip(Gen.Zip(StructGenerators.Inputs, StructGenerators.Inputs), Gen.Zip(StructGenerators.Inputs, Gen.ListOf(StructGenerators.Strings)),
            (a, b) => new DiffRequest { Id = "u", Urn = ProviderHarness.Urn, Olds = a.Item1, OldInputs = a.Item2, News = b.Item1, IgnoreChanges = { b.Item2 } });
        var property = Prop.ForAll(Arb.From(requests), req =>
        {
            var r = h.Client.Diff(req, deadline: Deadline());
            Assert.Contains(r.Changes, new[] { DiffResponse.Types.DiffChanges.DiffNone, DiffResponse.Types.DiffChanges.DiffSome });
            Assert.Empty(r.Replaces);
            Assert.All(r.DetailedDiff.Values, d => Assert.Contains(d.Kind, new[] { PropertyDiff.Types.Kind.Add, PropertyDiff.Types.Kind.Delete, PropertyDiff.Types.Kind.Update }));
            Assert.Equal(r.Changes == DiffResponse.Types.DiffChanges.DiffNone, r.Diffs.Count == 0);
            stats.Add(req.News, r.Diffs.Count);
            return true;
        });
        Check.One(FsConfig, property);
        Report("diff", "Diff", stats);
    }

    [Fact]
    public async Task CheckConfig_GeneratedStructs_OnlyFailuresAndTokenAlwaysSecret()
    {
        await using var h = await ProviderHarness.StartAsync();
        var stats = new FuzzStats();
        var property = Prop.ForAll(Arb.From(StructGenerators.Config), news =>
        {
            var r = h.Client.CheckConfig(new CheckRequest { Urn = "urn:pulumi:dev::proj::pulumi:providers:buildkite-portals::default", Olds = new Struct(), News = news }, deadline: Deadline());
            var wire = Struct.Parser.ParseFrom(news.ToByteString());
            Assert.All(r.Failures, f =>
            {
                Assert.False(string.IsNullOrEmpty(f.Reason));
                Assert.True(wire.Fields.ContainsKey(f.Property) || PortalsProvider.Portals.PortalProperties.Config.Any(c => c.Name == f.Property), $"failure path \"{f.Property}\" names no key");
            });
            if (news.Fields.ContainsKey("apiToken"))
            {
                Assert.True(IsSecret(r.Inputs.Fields["apiToken"]), "apiToken echoed unwrapped");
            }

            stats.Add(news, r.Failures.Count);
            return true;
        });
        Check.One(FsConfig, property);
        Report("checkconfig", "CheckConfig", stats);
    }

    [Fact]
    public async Task Configure_GeneratedStructs_OkOrInvalidArgumentWithoutToken()
    {
        // The real client factory, so its own validation (URL, token characters) is exercised too.
        await using var h = await ProviderHarness.StartAsync(apiFactory: o => BuildkiteClient.Create(o));
        var stats = new FuzzStats();
        var property = Prop.ForAll(Arb.From(StructGenerators.Config), args =>
        {
            var rejected = 0;
            args = Struct.Parser.ParseFrom(args.ToByteString()); // as the provider receives it (lone surrogates replaced)
            try
            {
                h.Client.Configure(new ConfigureRequest { Args = args, AcceptSecrets = true }, deadline: Deadline());
            }
            catch (RpcException ex)
            {
                Assert.True(ex.StatusCode == StatusCode.InvalidArgument, $"{ex.StatusCode}: {ex.Status.Detail}");
                Assert.False(string.IsNullOrWhiteSpace(ex.Status.Detail));
                if (TokenOf(args) is { Length: >= 12 } token && (token.StartsWith("bkua_", StringComparison.Ordinal) || token.StartsWith("tok-", StringComparison.Ordinal) || !token.All(char.IsAscii)) && !Texts(Value.ForStruct(Without(args, "apiToken"))).Any(t => t.Contains(token, StringComparison.Ordinal)))
                {
                    Assert.False(ex.Status.Detail.Contains(token, StringComparison.Ordinal), $"the token \"{Short(token)}\" is echoed: {Short(ex.Status.Detail)}");
                }

                rejected = 1;
            }

            stats.Add(args, rejected);
            return true;
        });
        Check.One(FsConfig, property);
        Report("configure", "Configure", stats);
    }

    private static bool IsInput(string name) => PortalsProvider.Portals.PortalProperties.Inputs.Any(p => p.Name == name);

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(60);

    private static bool IsSecret(Value v) =>
        v.KindCase == Value.KindOneofCase.StructValue && v.StructValue.Fields.TryGetValue(StructValues.SigKey, out var sig) && sig.StringValue == StructValues.SecretSig;

    private static bool ContainsSecret(Value v) => v.KindCase switch
    {
        Value.KindOneofCase.StructValue => IsSecret(v) || v.StructValue.Fields.Values.Any(ContainsSecret),
        Value.KindOneofCase.ListValue => v.ListValue.Values.Any(ContainsSecret),
        _ => false,
    };

    /// <summary>A property that held a secret anywhere still holds one: Check never reveals a secret.</summary>
    private static void AssertSecretsKept(Struct news, Struct inputs)
    {
        foreach (var (key, value) in news.Fields)
        {
            if (ContainsSecret(value) && StructValues.FromValue(value) is not PortalsProvider.Portals.PValue.Unknown)
            {
                Assert.True(inputs.Fields.TryGetValue(key, out var returned) && ContainsSecret(returned), $"the secret in \"{key}\" came back unwrapped");
            }
        }
    }

    private static string? TokenOf(Struct args) =>
        args.Fields.TryGetValue("apiToken", out var v) ? (IsSecret(v) ? v.StructValue.Fields.GetValueOrDefault("value") : v) is { KindCase: Value.KindOneofCase.StringValue } s ? s.StringValue.Trim() : null : null;

    private static IEnumerable<string> Texts(Value v) => v.KindCase switch
    {
        Value.KindOneofCase.StringValue => [v.StringValue],
        Value.KindOneofCase.ListValue => v.ListValue.Values.SelectMany(Texts),
        Value.KindOneofCase.StructValue => v.StructValue.Fields.SelectMany(kv => Texts(kv.Value).Prepend(kv.Key)),
        _ => [],
    };

    private static string Short(string s) => s.Length > 300 ? s[..300] + "…" : s;

    private static Struct Without(Struct s, string key)
    {
        var copy = s.Clone();
        copy.Fields.Remove(key);
        return copy;
    }

    private void Report(string file, string rpc, FuzzStats stats)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"| {rpc} | {stats.Count} | {stats.WithFindings} | {stats.TotalBytes / 1024.0 / 1024.0:0.0} MiB | {stats.MaxBytes / 1024.0:0} KiB |");
        output.WriteLine($"{rpc}: {stats.Count} generated Structs, {stats.WithFindings} with failures/diffs/rejections, {stats.TotalBytes} bytes, largest {stats.MaxBytes} bytes");
        Assert.True(stats.Count >= Runs, $"only {stats.Count} Structs were tried");
        ReliabilityArtifacts.Write($"fuzz-{file}.md", line + "\n");
    }

    private sealed class FuzzStats
    {
        private readonly Lock gate = new();

        public int Count { get; private set; }

        public int WithFindings { get; private set; }

        public long TotalBytes { get; private set; }

        public long MaxBytes { get; private set; }

        public void Add(Struct s, int findings)
        {
            var size = StructGenerators.Bytes(s);
            lock (gate)
            {
                Count++;
                WithFindings += findings > 0 ? 1 : 0;
                TotalBytes += size;
                MaxBytes = Math.Max(MaxBytes, size);
            }
        }
    }
}
