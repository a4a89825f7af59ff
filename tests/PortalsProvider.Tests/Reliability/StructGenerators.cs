using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf.WellKnownTypes;
using PortalsProvider.Pulumi;

namespace PortalsProvider.Tests.Reliability;

/// <summary>FsCheck generators of hostile <c>google.protobuf.Struct</c>s: random shapes and types, nesting (kept
/// under the decoder's depth limit, which has its own test), huge strings, unicode (astral, RTL overrides, lone
/// surrogates, NUL), Pulumi secrets (well-formed and malformed) and unknowns at any depth, keys biased towards the
/// real property names so that validation is reached, not just the unknown-key path.</summary>
internal static class StructGenerators
{
    /// <summary>Struct levels; each adds two decoder levels (Struct + Value), so 12 stays under MaxDepth (32).</summary>
    public const int MaxNesting = 12;

    private static readonly string[] InputKeys =
        ["name", "query", "slug", "description", "allowedIpAddresses", "userInvokable", "__defaults", "uuid", "token", "url", ""];

    private static readonly string[] ConfigKeys =
        ["apiToken", "organization", "apiUrl", "maxRetries", "version", "pluginDownloadURL", "__internal", "apitoken"];

    private static readonly string[] Interesting =
    [
        "", " ", "\t\n", "query { viewer { user { name } } }", "query Q { a { ...F } } fragment F on T { b }", "query {", "{ a(x: $v) }",
        "type T { a: Int }", "subscription { s }", "{" + new string('{', 300), "192.0.2.0/24", "2001:db8::/32", "::1", "10.0.0.0/33",
        "300.1.1.1", "bad", "deploys", "Deploys", "-x", "a--b", new string('a', 101), "true", "false", "1e308", "NaN", "-1", "0", "3",
        "101", "1.5", "https://api.buildkite.com", "http://127.0.0.1:1", "http://localhost", "http://example.com", "ftp://x", "https://",
        "https://u:p@example.com", "acme", "ac me", "a/b", "\u0000", "é", "👩‍👩‍👧", "\u202Eevil", "\uD800", "\uDC00x", "ｑｕｅｒｙ",
        StructValues.UnknownSentinel, "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", StructValues.SecretSig, StructValues.SigKey,
        "bkpat_abcdefghijklmnopqrstuvwxyz0123456789abcd", "0.1.0", "bkua_0123456789abcdef0123456789abcdef01234567", "tok-Zz9-secret-value", " tok-padded-secret-value ",
    ];

    private static readonly string[] UnknownSentinels =
    [
        StructValues.UnknownSentinel, "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
        "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", "030794c1-ac77-496b-92df-f27374a8bd58", "e48ece36-62e2-4504-bad9-02848725956a",
        "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
    ];

    public static Gen<string> Strings { get; } = Gen.Frequency(
        (300, Gen.Elements(Interesting)),
        (200, Gen.Choose(0, 24).SelectMany(n => Gen.ArrayOf(CodePoints(), n)).Select(FromCodePoints)),
        (1, Gen.Choose(10_000, 150_000).SelectMany(n => Gen.Elements("a", "é", "👩", "{", "\uD800", " ").Select(s => string.Concat(Enumerable.Repeat(s, n / s.Length))))));

    public static Gen<Struct> Inputs { get; } = TopLevel(InputKeys);

    public static Gen<Struct> Config { get; } = TopLevel(ConfigKeys);

    private static readonly Gen<Value>[] ByNesting = BuildValues();

    /// <summary>Values nested at most <paramref name="nesting"/> Struct/list/secret levels (built once, bottom-up).</summary>
    public static Gen<Value> Values(int nesting) => ByNesting[Math.Clamp(nesting, 0, MaxNesting)];

    private static Gen<Value>[] BuildValues()
    {
        var gens = new Gen<Value>[MaxNesting + 1];
        gens[0] = Leaf();
        for (var i = 1; i <= MaxNesting; i++)
        {
            var inner = gens[i - 1];
            gens[i] = Gen.Frequency(
                (6, Leaf()),
                (2, Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(inner, n)).Select(items => Value.ForList(items))),
                (2, Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Field(Gen.Elements(InputKeys.Concat(ConfigKeys).ToArray()), inner), n))
                    .Select(fields => Value.ForStruct(ToStruct(fields)))),
                (2, inner.Select(Secret)),
                (1, Gen.Elements(
                    Value.ForStruct(new Struct { Fields = { [StructValues.SigKey] = Value.ForString(StructValues.SecretSig) } }),
                    Value.ForStruct(new Struct { Fields = { [StructValues.SigKey] = Value.ForNumber(1), ["value"] = Value.ForString("x") } }),
                    Value.ForStruct(new Struct { Fields = { [StructValues.SigKey] = Value.ForString("5cf8f73096256a8f31e491e813e4eb8e"), ["uri"] = Value.ForString("urn:x") } }))));
        }

        return gens;
    }

    /// <summary>Total of <see cref="Struct.CalculateSize"/> bytes sent, for the report.</summary>
    public static long Bytes(Struct s) => s.CalculateSize();

    private static Gen<Struct> TopLevel(string[] keys) =>
        Gen.Sized(size => Gen.Choose(0, 8)
            .SelectMany(n => Gen.ArrayOf(Field(Gen.Frequency((8, Gen.Elements(keys)), (1, Strings)), Values(Math.Min(MaxNesting, 1 + (size / 10)))), n))
            .Select(ToStruct));

    private static Gen<(string Key, Value Value)> Field(Gen<string> keys, Gen<Value> values) => Gen.Zip(keys, values, (k, v) => (k, v));

    private static Struct ToStruct((string Key, Value Value)[] fields)
    {
        var s = new Struct();
        foreach (var (k, v) in fields)
        {
            s.Fields[k] = v;
        }

        return s;
    }

    private static Gen<Value> Leaf() => Gen.Frequency(
        (1, Gen.Constant(Value.ForNull())),
        (1, Gen.Elements(true, false).Select(Value.ForBool)),
        (2, Gen.Frequency(
            (3, Gen.Choose(-1000, 1000).Select(i => (double)i)),
            (1, Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.Epsilon, -0.0, 1e21, 3.5, 2147483648.0)))
            .Select(Value.ForNumber)),
        (5, Strings.Select(Value.ForString)),
        (2, Gen.Elements(UnknownSentinels).Select(Value.ForString)));

    private static Value Secret(Value inner) =>
        Value.ForStruct(new Struct { Fields = { [StructValues.SigKey] = Value.ForString(StructValues.SecretSig), ["value"] = inner } });

    private static Gen<int> CodePoints() => Gen.Frequency(
        (6, Gen.Choose(0x20, 0x7E)),
        (2, Gen.Choose(0, 0xFFFF)),
        (1, Gen.Choose(0x10000, 0x10FFFF)));

    private static string FromCodePoints(int[] points)
    {
        var sb = new StringBuilder();
        foreach (var p in points)
        {
            // Lone surrogates on purpose: protobuf replaces them on the wire, the provider must not care.
            sb.Append(p is >= 0xD800 and <= 0xDFFF || p <= 0xFFFF ? ((char)p).ToString() : char.ConvertFromUtf32(p));
        }

        return sb.ToString();
    }
}
