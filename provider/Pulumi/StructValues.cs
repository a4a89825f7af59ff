using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;
using PortalsProvider.Portals;

namespace PortalsProvider.Pulumi;

/// <summary>
/// <c>google.protobuf.Struct</c>/<c>Value</c> ⇄ <see cref="PValue"/>, with Pulumi's special encodings:
/// a secret is <c>{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "value": v}</c>,
/// an unknown is one of the seven sentinel strings (all decode to <see cref="PValue.Unknown"/>, which encodes
/// as the generic one). Other signatures (resource references, assets, outputs) are not accepted by this
/// provider (it declares acceptResources/acceptOutputs false) and decode as plain objects, which Check rejects.
/// </summary>
internal static class StructValues
{
    public const string SigKey = "4dabf18193072939515e22adb298388d";
    public const string SecretSig = "1b47061264138c4ac30d75fd1eb44270";
    public const string UnknownSentinel = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /// <summary>No portal property nests deeper than 3; anything beyond this is rejected with a clear error
    /// rather than recursing (requests are parsed up to <see cref="DeepRequestBinder.RecursionLimit"/> message levels,
    /// ~166 Struct levels, and refused beyond).</summary>
    public const int MaxDepth = 32;

    private static readonly ImmutableHashSet<string> UnknownSentinels =
    [
        UnknownSentinel,
        "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
        "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
        "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
        "030794c1-ac77-496b-92df-f27374a8bd58",
        "e48ece36-62e2-4504-bad9-02848725956a",
        "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
    ];

    /// <summary>A null Struct (absent field) decodes as the empty object.</summary>
    public static PValue.Object FromStruct(Struct? s) => s is null ? PValue.Object.Empty : FromFields(s, 0, null);

    public static Struct ToStruct(PValue.Object o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var s = new Struct();
        foreach (var (k, v) in o.Fields)
        {
            s.Fields[k] = ToValue(v);
        }

        return s;
    }

    public static PValue FromValue(Value? v) => FromValue(v, 0, null);

    public static Value ToValue(PValue v) => v switch
    {
        PValue.Null => Value.ForNull(),
        PValue.Bool b => Value.ForBool(b.Value),
        PValue.Number n => Value.ForNumber(n.Value),
        PValue.Str s => Value.ForString(s.Value),
        PValue.List l => Value.ForList([.. l.Items.Select(ToValue)]),
        PValue.Object o => Value.ForStruct(ToStruct(o)),
        PValue.Unknown => Value.ForString(UnknownSentinel),
        PValue.Secret s => Value.ForStruct(new Struct
        {
            Fields = { [SigKey] = Value.ForString(SecretSig), ["value"] = ToValue(s.Inner) },
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(v), v.GetType().Name, null),
    };

    /// <summary>The top-level keys whose values are secrets.</summary>
    public static IEnumerable<string> SecretKeys(PValue.Object? o) =>
        o is null ? [] : o.Fields.Where(kv => kv.Value is PValue.Secret).Select(kv => kv.Key);

    /// <summary>Wraps the named top-level values as secrets (idempotent; unknown and absent keys are skipped).</summary>
    public static PValue.Object WrapSecrets(PValue.Object o, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(o);
        foreach (var k in keys)
        {
            if (o[k] is { } v and not PValue.Secret)
            {
                o = o.With(k, new PValue.Secret(v));
            }
        }

        return o;
    }

    /// <param name="property">The top-level property being decoded (null at the top), named in the depth error.</param>
    private static PValue.Object FromFields(Struct s, int depth, string? property)
    {
        CheckDepth(depth, property);
        return PValue.Object.From(s.Fields.Select(kv => new KeyValuePair<string, PValue>(kv.Key, FromValue(kv.Value, depth + 1, property ?? kv.Key))));
    }

    private static PValue FromValue(Value? v, int depth, string? property)
    {
        CheckDepth(depth, property);
        switch (v?.KindCase)
        {
            case null or Value.KindOneofCase.None or Value.KindOneofCase.NullValue:
                return PValue.NullValue;
            case Value.KindOneofCase.BoolValue:
                return new PValue.Bool(v.BoolValue);
            case Value.KindOneofCase.NumberValue:
                return new PValue.Number(v.NumberValue);
            case Value.KindOneofCase.StringValue:
                return UnknownSentinels.Contains(v.StringValue) ? PValue.UnknownValue : new PValue.Str(v.StringValue);
            case Value.KindOneofCase.ListValue:
                return new PValue.List([.. v.ListValue.Values.Select(i => FromValue(i, depth + 1, property))]);
            case Value.KindOneofCase.StructValue:
                var s = v.StructValue;
                if (s.Fields.TryGetValue(SigKey, out var sig) && sig.KindCase == Value.KindOneofCase.StringValue && sig.StringValue == SecretSig)
                {
                    return new PValue.Secret(s.Fields.TryGetValue("value", out var inner) ? FromValue(inner, depth + 1, property) : PValue.NullValue);
                }

                return FromFields(s, depth + 1, property);
            default:
                return PValue.NullValue;
        }
    }

    private static void CheckDepth(int depth, string? property)
    {
        if (depth > MaxDepth)
        {
            var subject = property is null ? "a property value" : $"property \"{property}\"";
            throw new ArgumentException($"{subject} is nested more than {MaxDepth} levels deep; no property of this provider nests like that");
        }
    }
}
