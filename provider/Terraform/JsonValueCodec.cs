using System.Text.Json;

namespace PortalsProvider.Terraform;

/// <summary>
/// The JSON encoding of values, as Terraform stores resource attributes in state and passes them to
/// <c>UpgradeResourceState</c>. JSON has no unknowns (state is always known).
/// </summary>
internal static class JsonValueCodec
{
    /// <summary>
    /// Decodes stored state against the current type. Attributes the type no longer has are dropped and
    /// missing ones become null, which is the whole of this provider's state upgrade.
    /// </summary>
    public static CtyValue Decode(ReadOnlySpan<byte> json, CtyType type)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        return Decode(document.RootElement, type, "value");
    }

    private static CtyValue Decode(JsonElement json, CtyType type, string path)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return CtyValue.Null;
        }

        return type.Kind switch
        {
            CtyTypeKind.String when json.ValueKind == JsonValueKind.String => CtyValue.String(json.GetString()!),
            CtyTypeKind.Number when json.ValueKind == JsonValueKind.Number => CtyValue.Number(json.GetDecimal()),
            CtyTypeKind.Bool when json.ValueKind is JsonValueKind.True or JsonValueKind.False => CtyValue.Bool(json.GetBoolean()),
            CtyTypeKind.List when json.ValueKind == JsonValueKind.Array =>
                CtyValue.List(json.EnumerateArray().Select((e, i) => Decode(e, type.Element!, $"{path}[{i}]"))),
            CtyTypeKind.Set when json.ValueKind == JsonValueKind.Array =>
                CtyValue.Set(json.EnumerateArray().Select((e, i) => Decode(e, type.Element!, $"{path}[{i}]"))),
            CtyTypeKind.Tuple when json.ValueKind == JsonValueKind.Array && json.GetArrayLength() == type.Elements.Length =>
                CtyValue.List(json.EnumerateArray().Select((e, i) => Decode(e, type.Elements[i], $"{path}[{i}]"))),
            CtyTypeKind.Map when json.ValueKind == JsonValueKind.Object =>
                CtyValue.Map(json.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Decode(p.Value, type.Element!, $"{path}[\"{p.Name}\"]")))),
            CtyTypeKind.Object when json.ValueKind == JsonValueKind.Object => DecodeObject(json, type, path),
            _ => throw new FormatException($"{path}: expected {type} but found JSON {json.ValueKind}."),
        };
    }

    private static CtyValue DecodeObject(JsonElement json, CtyType type, string path)
    {
        var attributes = type.Attributes.ToDictionary(a => a.Key, _ => CtyValue.Null, StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            if (type.Attributes.TryGetValue(property.Name, out var attributeType))
            {
                attributes[property.Name] = Decode(property.Value, attributeType, $"{path}.{property.Name}");
            }
        }

        return CtyValue.Map(attributes);
    }
}
