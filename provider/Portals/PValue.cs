using System.Collections.Immutable;
using System.Globalization;

namespace PortalsProvider.Portals;

/// <summary>
/// The wire-neutral value model the Portals core works on. Every front end decodes its own encoding into it
/// (Pulumi: <c>google.protobuf.Struct</c> with secret objects and unknown sentinels; Terraform: msgpack with
/// <c>unknown</c> extension values and sensitivity marks) and encodes results back out of it.
/// </summary>
/// <remarks>
/// <para>Kinds: <see cref="Null"/>, <see cref="Bool"/>, <see cref="Number"/> (double: both wire formats carry
/// JSON numbers), <see cref="Str"/>, <see cref="List"/>, <see cref="Object"/>, <see cref="Unknown"/> (a value
/// not known during preview: validation skips it, diff treats it as a change) and <see cref="Secret"/> (a
/// wrapper marking its inner value secret; it survives Check so that front ends can re-wrap what came in
/// wrapped, and is peeled off with <see cref="Unwrap"/> before comparison or use).</para>
/// <para>All kinds have value equality (lists element-wise, objects key-wise, independent of key order).</para>
/// </remarks>
internal abstract record PValue
{
    private PValue()
    {
    }

    public static PValue NullValue { get; } = new Null();

    public static PValue UnknownValue { get; } = new Unknown();

    /// <summary>The value with every <see cref="Secret"/> wrapper removed, at any depth (a scalar is its own).</summary>
    public virtual PValue Unwrap() => this;

    /// <summary>True when this value, or anything inside it, is unknown (overridden by the kinds that can be or hold one).</summary>
    public virtual bool ContainsUnknown => false;

    /// <summary>True when this value is (directly) a secret.</summary>
    public bool IsSecret => this is Secret;

    /// <summary>Short kind name for messages ("a string", "a list").</summary>
    public abstract string KindName { get; }

    public static PValue Of(string? s) => s is null ? NullValue : new Str(s);

    public static PValue Of(bool b) => new Bool(b);

    public static PValue Of(IEnumerable<string>? items) =>
        items is null ? NullValue : new List([.. items.Select(i => (PValue)new Str(i))]);

    /// <summary>JSON null.</summary>
    public sealed record Null : PValue
    {
        public override string KindName => "null";

        public override string ToString() => "null";
    }

    public sealed record Bool(bool Value) : PValue
    {
        public override string KindName => "a boolean";

        public override string ToString() => Value ? "true" : "false";
    }

    public sealed record Number(double Value) : PValue
    {
        public override string KindName => "a number";

        public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
    }

    public sealed record Str(string Value) : PValue
    {
        public override string KindName => "a string";

        public override string ToString() => Value;
    }

    public sealed record List(ImmutableArray<PValue> Items) : PValue
    {
        public override PValue Unwrap() => Items.Any(i => i is Secret || i is List || i is Object)
            ? new List([.. Items.Select(i => i.Unwrap())])
            : this;

        public override bool ContainsUnknown => Items.Any(i => i.ContainsUnknown);

        public override string KindName => "a list";

        public bool Equals(List? other) => other is not null && Items.SequenceEqual(other.Items);

        public override int GetHashCode() => Items.Length;
    }

    public sealed record Object(ImmutableSortedDictionary<string, PValue> Fields) : PValue
    {
        public static Object Empty { get; } = new(ImmutableSortedDictionary<string, PValue>.Empty.WithComparers(StringComparer.Ordinal));

        public PValue? this[string key] => Fields.TryGetValue(key, out var v) ? v : null;

        public override PValue Unwrap() => new Object(Fields.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value.Unwrap(), StringComparer.Ordinal));

        public override bool ContainsUnknown => Fields.Values.Any(v => v.ContainsUnknown);

        public override string KindName => "an object";

        public Object With(string key, PValue value) => new(Fields.SetItem(key, value));

        public Object Without(string key) => new(Fields.Remove(key));

        public bool Equals(Object? other) =>
            other is not null && Fields.Count == other.Fields.Count
            && Fields.All(kv => other.Fields.TryGetValue(kv.Key, out var o) && kv.Value.Equals(o));

        public override int GetHashCode() => Fields.Count;

        public static Object From(IEnumerable<KeyValuePair<string, PValue>> fields) =>
            new(fields.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
    }

    /// <summary>A value not known until apply (preview only). Never validated, always a change.</summary>
    public sealed record Unknown : PValue
    {
        public override bool ContainsUnknown => true;

        public override string KindName => "unknown";

        public override string ToString() => "<unknown>";
    }

    /// <summary>A secret wrapper. <see cref="ToString"/> never reveals the inner value.</summary>
    public sealed record Secret(PValue Inner) : PValue
    {
        public override PValue Unwrap() => Inner.Unwrap();

        public override bool ContainsUnknown => Inner.ContainsUnknown;

        public override string KindName => Inner.KindName;

        public override string ToString() => "[secret]";
    }
}
