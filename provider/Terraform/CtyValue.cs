using System.Collections.Immutable;
using System.Globalization;

namespace PortalsProvider.Terraform;

/// <summary>
/// An untyped Terraform value: null, unknown ("known after apply"), a primitive, or a collection. The type
/// lives in the schema (<see cref="CtyType"/>); this keeps the value model small and immutable.
/// </summary>
/// <remarks>Set equality ignores order; list and tuple equality does not.</remarks>
internal sealed class CtyValue : IEquatable<CtyValue>
{
    public static readonly CtyValue Null = new(CtyValueKind.Null);
    public static readonly CtyValue Unknown = new(CtyValueKind.Unknown);
    public static readonly CtyValue True = new(CtyValueKind.Bool, boolean: true);
    public static readonly CtyValue False = new(CtyValueKind.Bool, boolean: false);

    private readonly string? _string;
    private readonly decimal _number;
    private readonly bool _bool;
    private readonly ImmutableArray<CtyValue> _elements;
    private readonly ImmutableSortedDictionary<string, CtyValue>? _attributes;

    private CtyValue(
        CtyValueKind kind,
        string? text = null,
        decimal number = 0,
        bool boolean = false,
        ImmutableArray<CtyValue> elements = default,
        ImmutableSortedDictionary<string, CtyValue>? attributes = null)
    {
        Kind = kind;
        _string = text;
        _number = number;
        _bool = boolean;
        _elements = elements;
        _attributes = attributes;
    }

    public CtyValueKind Kind { get; }

    public bool IsNull => Kind == CtyValueKind.Null;

    public bool IsUnknown => Kind == CtyValueKind.Unknown;

    public bool IsKnown => Kind != CtyValueKind.Unknown;

    /// <summary>True when neither this value nor anything inside it is unknown.</summary>
    public bool IsWhollyKnown => Kind switch
    {
        CtyValueKind.Unknown => false,
        CtyValueKind.List or CtyValueKind.Set => _elements.All(e => e.IsWhollyKnown),
        CtyValueKind.Map => _attributes!.Values.All(v => v.IsWhollyKnown),
        _ => true,
    };

    public string AsString => Kind == CtyValueKind.String ? _string! : throw WrongKind(CtyValueKind.String);

    public decimal AsNumber => Kind == CtyValueKind.Number ? _number : throw WrongKind(CtyValueKind.Number);

    public bool AsBool => Kind == CtyValueKind.Bool ? _bool : throw WrongKind(CtyValueKind.Bool);

    /// <summary>The elements of a list, set or tuple.</summary>
    public ImmutableArray<CtyValue> Elements =>
        Kind is CtyValueKind.List or CtyValueKind.Set ? _elements : throw WrongKind(CtyValueKind.List);

    /// <summary>The entries of a map or the attributes of an object.</summary>
    public ImmutableSortedDictionary<string, CtyValue> Attributes =>
        Kind == CtyValueKind.Map ? _attributes! : throw WrongKind(CtyValueKind.Map);

    public static CtyValue String(string value) => new(CtyValueKind.String, text: value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A string, or null for a null reference.</summary>
    public static CtyValue StringOrNull(string? value) => value is null ? Null : String(value);

    public static CtyValue Number(decimal value) => new(CtyValueKind.Number, number: value);

    public static CtyValue Bool(bool value) => value ? True : False;

    public static CtyValue List(IEnumerable<CtyValue> elements) => new(CtyValueKind.List, elements: [.. elements]);

    public static CtyValue Set(IEnumerable<CtyValue> elements) => new(CtyValueKind.Set, elements: Distinct(elements));

    public static CtyValue Map(IEnumerable<KeyValuePair<string, CtyValue>> entries) =>
        new(CtyValueKind.Map, attributes: entries.ToImmutableSortedDictionary(StringComparer.Ordinal));

    /// <summary>An object value; attributes not given are null.</summary>
    public static CtyValue Object(params (string Name, CtyValue Value)[] attributes) =>
        Map(attributes.Select(a => KeyValuePair.Create(a.Name, a.Value)));

    /// <summary>The attribute of an object; null when the object is null or lacks it, unknown when the object is unknown.</summary>
    public CtyValue GetAttribute(string name) => Kind switch
    {
        CtyValueKind.Map => _attributes!.GetValueOrDefault(name, Null),
        CtyValueKind.Unknown => Unknown,
        CtyValueKind.Null => Null,
        _ => throw WrongKind(CtyValueKind.Map),
    };

    /// <summary>A copy of this object with one attribute replaced.</summary>
    public CtyValue WithAttribute(string name, CtyValue value) =>
        new(CtyValueKind.Map, attributes: Attributes.SetItem(name, value));

    /// <summary>The string of a known, non-null string value, otherwise null.</summary>
    public string? AsStringOrNull() => Kind == CtyValueKind.String ? _string : null;

    public bool Equals(CtyValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Kind != Kind)
        {
            return false;
        }

        return Kind switch
        {
            CtyValueKind.String => _string == other._string,
            CtyValueKind.Number => _number == other._number,
            CtyValueKind.Bool => _bool == other._bool,
            CtyValueKind.List => _elements.SequenceEqual(other._elements),
            CtyValueKind.Set => _elements.Length == other._elements.Length && _elements.All(e => other._elements.Contains(e)),
            CtyValueKind.Map => _attributes!.Count == other._attributes!.Count
                && _attributes.All(a => other._attributes.TryGetValue(a.Key, out var v) && a.Value.Equals(v)),
            _ => true,
        };
    }

    public override bool Equals(object? obj) => Equals(obj as CtyValue);

    public override int GetHashCode() => Kind switch
    {
        CtyValueKind.String => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(_string!)),
        CtyValueKind.Number => HashCode.Combine(Kind, _number),
        CtyValueKind.Bool => HashCode.Combine(Kind, _bool),
        CtyValueKind.List or CtyValueKind.Set => HashCode.Combine(Kind, _elements.Length),
        CtyValueKind.Map => HashCode.Combine(Kind, _attributes!.Count),
        _ => Kind.GetHashCode(),
    };

    /// <summary>A debugging form. Never used for sensitive values in messages.</summary>
    public override string ToString() => Kind switch
    {
        CtyValueKind.Null => "null",
        CtyValueKind.Unknown => "(unknown)",
        CtyValueKind.String => $"\"{_string}\"",
        CtyValueKind.Number => _number.ToString(CultureInfo.InvariantCulture),
        CtyValueKind.Bool => _bool ? "true" : "false",
        CtyValueKind.List => $"[{string.Join(", ", _elements)}]",
        CtyValueKind.Set => $"set[{string.Join(", ", _elements)}]",
        _ => $"{{{string.Join(", ", _attributes!.Select(a => $"{a.Key} = {a.Value}"))}}}",
    };

    private static ImmutableArray<CtyValue> Distinct(IEnumerable<CtyValue> elements)
    {
        var builder = ImmutableArray.CreateBuilder<CtyValue>();
        foreach (var element in elements)
        {
            if (!builder.Contains(element))
            {
                builder.Add(element);
            }
        }

        return builder.ToImmutable();
    }

    private InvalidOperationException WrongKind(CtyValueKind expected) =>
        new($"Expected a {expected} value but found {Kind}.");
}
