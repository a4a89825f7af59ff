using PortalsProvider.Portals;

namespace PortalsProvider.Tests.Portals;

/// <summary>Terse builders for <see cref="PValue"/> in tests.</summary>
internal static class PV
{
    public static PValue S(string s) => new PValue.Str(s);

    public static PValue B(bool b) => new PValue.Bool(b);

    public static PValue N(double d) => new PValue.Number(d);

    public static PValue L(params PValue[] items) => new PValue.List([.. items]);

    public static PValue Secret(PValue v) => new PValue.Secret(v);

    public static PValue Unknown => PValue.UnknownValue;

    public static PValue Null => PValue.NullValue;

    public static PValue.Object O(params (string Key, PValue Value)[] fields) =>
        PValue.Object.From(fields.Select(f => new KeyValuePair<string, PValue>(f.Key, f.Value)));

    public static PValue.Object Valid(params (string Key, PValue Value)[] extra)
    {
        var o = O(("name", S("Deploys")), ("query", S("query { viewer { user { name } } }")));
        foreach (var (k, v) in extra)
        {
            o = o.With(k, v);
        }

        return o;
    }
}
