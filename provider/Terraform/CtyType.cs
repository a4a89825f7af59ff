using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace PortalsProvider.Terraform;

/// <summary>
/// A Terraform (cty) type. Values on the wire carry no type information, so every encode and decode is
/// driven by one of these, taken from the schema.
/// </summary>
internal sealed class CtyType : IEquatable<CtyType>
{
    public static readonly CtyType String = new(CtyTypeKind.String);
    public static readonly CtyType Number = new(CtyTypeKind.Number);
    public static readonly CtyType Bool = new(CtyTypeKind.Bool);
    public static readonly CtyType Dynamic = new(CtyTypeKind.Dynamic);

    private CtyType(
        CtyTypeKind kind,
        CtyType? element = null,
        ImmutableSortedDictionary<string, CtyType>? attributes = null,
        ImmutableArray<CtyType> elements = default)
    {
        Kind = kind;
        Element = element;
        Attributes = attributes ?? ImmutableSortedDictionary<string, CtyType>.Empty.WithComparers(StringComparer.Ordinal);
        Elements = elements.IsDefault ? [] : elements;
    }

    public CtyTypeKind Kind { get; }

    /// <summary>The element type of a list, set or map.</summary>
    public CtyType? Element { get; }

    /// <summary>The attribute types of an object, in ordinal order (the order cty uses).</summary>
    public ImmutableSortedDictionary<string, CtyType> Attributes { get; }

    /// <summary>The element types of a tuple.</summary>
    public ImmutableArray<CtyType> Elements { get; }

    public static CtyType List(CtyType element) => new(CtyTypeKind.List, element);

    public static CtyType Set(CtyType element) => new(CtyTypeKind.Set, element);

    public static CtyType Map(CtyType element) => new(CtyTypeKind.Map, element);

    public static CtyType Tuple(params CtyType[] elements) => new(CtyTypeKind.Tuple, elements: [.. elements]);

    public static CtyType Object(IEnumerable<KeyValuePair<string, CtyType>> attributes) =>
        new(CtyTypeKind.Object, attributes: attributes.ToImmutableSortedDictionary(StringComparer.Ordinal));

    /// <summary>The compact JSON form Terraform expects in <c>Schema.Attribute.type</c>, e.g. <c>["set","string"]</c>.</summary>
    public string ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJson(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Parses the JSON form (used by the <c>dynamic</c> wire encoding and by tests).</summary>
    public static CtyType FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement);
    }

    public static CtyType FromJson(JsonElement json)
    {
        if (json.ValueKind == JsonValueKind.String)
        {
            return json.GetString() switch
            {
                "string" => String,
                "number" => Number,
                "bool" => Bool,
                "dynamic" => Dynamic,
                var other => throw new FormatException($"Unknown primitive type \"{other}\"."),
            };
        }

        if (json.ValueKind != JsonValueKind.Array || json.GetArrayLength() != 2 || json[0].ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"Not a type: {json.GetRawText()}");
        }

        var argument = json[1];
        return json[0].GetString() switch
        {
            "list" => List(FromJson(argument)),
            "set" => Set(FromJson(argument)),
            "map" => Map(FromJson(argument)),
            "object" => Object(argument.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, FromJson(p.Value)))),
            "tuple" => Tuple([.. argument.EnumerateArray().Select(FromJson)]),
            var other => throw new FormatException($"Unknown type constructor \"{other}\"."),
        };
    }

    public bool Equals(CtyType? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Kind != Kind || !Equals(Element, other.Element))
        {
            return false;
        }

        return Attributes.Count == other.Attributes.Count
            && Attributes.All(a => other.Attributes.TryGetValue(a.Key, out var t) && a.Value.Equals(t))
            && Elements.SequenceEqual(other.Elements);
    }

    public override bool Equals(object? obj) => Equals(obj as CtyType);

    public override int GetHashCode() => HashCode.Combine(Kind, Element, Attributes.Count, Elements.Length);

    public override string ToString() => ToJson();

    private void WriteJson(Utf8JsonWriter writer)
    {
        switch (Kind)
        {
            case CtyTypeKind.String:
                writer.WriteStringValue("string");
                break;
            case CtyTypeKind.Number:
                writer.WriteStringValue("number");
                break;
            case CtyTypeKind.Bool:
                writer.WriteStringValue("bool");
                break;
            case CtyTypeKind.Dynamic:
                writer.WriteStringValue("dynamic");
                break;
            case CtyTypeKind.List or CtyTypeKind.Set or CtyTypeKind.Map:
                writer.WriteStartArray();
                writer.WriteStringValue(Kind switch { CtyTypeKind.List => "list", CtyTypeKind.Set => "set", _ => "map" });
                Element!.WriteJson(writer);
                writer.WriteEndArray();
                break;
            case CtyTypeKind.Object:
                writer.WriteStartArray();
                writer.WriteStringValue("object");
                writer.WriteStartObject();
                foreach (var (name, type) in Attributes)
                {
                    writer.WritePropertyName(name);
                    type.WriteJson(writer);
                }

                writer.WriteEndObject();
                writer.WriteEndArray();
                break;
            case CtyTypeKind.Tuple:
                writer.WriteStartArray();
                writer.WriteStringValue("tuple");
                writer.WriteStartArray();
                foreach (var element in Elements)
                {
                    element.WriteJson(writer);
                }

                writer.WriteEndArray();
                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"Unhandled type kind {Kind}.");
        }
    }
}
