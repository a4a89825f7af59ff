using PortalsProvider.Portals;

namespace PortalsProvider.Terraform;

/// <summary>
/// The only value conversion the Terraform front end does: Terraform objects (snake_case attributes, sets,
/// unknowns) ⇄ the core's neutral <see cref="PValue"/> objects (the property table's camelCase names). Names come
/// from the table: the Terraform attribute is the API field (<c>id</c> for the UUID).
/// </summary>
internal static class CtyPValues
{
    /// <summary>A portal object for the core; with <paramref name="inputsOnly"/>, only input properties (what Check accepts).</summary>
    public static PValue.Object ToPortal(CtyValue value, bool inputsOnly)
    {
        ArgumentNullException.ThrowIfNull(value);
        var fields = new List<KeyValuePair<string, PValue>>();
        if (value.Kind != CtyValueKind.Map)
        {
            return PValue.Object.Empty;
        }

        foreach (var property in inputsOnly ? PortalProperties.Inputs : PortalProperties.All)
        {
            var attribute = value.GetAttribute(TerraformSchema.AttributeName(property));
            fields.Add(KeyValuePair.Create(property.Name,
                property.Kind == PropertyKind.CreatedBy ? CreatedByToPValue(attribute) : ToPValue(attribute)));
        }

        return PValue.Object.From(fields);
    }

    /// <summary>A Terraform object of <paramref name="block"/>'s shape from a core portal object; absent properties are null.</summary>
    public static CtyValue FromPortal(PValue.Object portal, SchemaBlock block)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(block);
        var attributes = new List<(string, CtyValue)>();
        foreach (var attribute in block.Attributes)
        {
            var property = PortalAttributes.PropertyOf(attribute.Name);
            var value = property is null ? null : portal[property.Name];
            attributes.Add((attribute.Name, property?.Kind == PropertyKind.CreatedBy
                ? CreatedByFromPValue(value)
                : FromPValue(value, attribute.Type)));
        }

        return CtyValue.Object([.. attributes]);
    }

    public static CtyValue FromState(PortalState state, SchemaBlock block) => FromPortal(PortalValues.WriteState(state), block);

    public static PValue ToPValue(CtyValue value) => value.Kind switch
    {
        CtyValueKind.Null => PValue.NullValue,
        CtyValueKind.Unknown => PValue.UnknownValue,
        CtyValueKind.String => new PValue.Str(value.AsString),
        CtyValueKind.Number => new PValue.Number((double)value.AsNumber),
        CtyValueKind.Bool => new PValue.Bool(value.AsBool),
        CtyValueKind.List or CtyValueKind.Set => new PValue.List([.. value.Elements.Select(ToPValue)]),
        _ => PValue.Object.From(value.Attributes.Select(a => KeyValuePair.Create(a.Key, ToPValue(a.Value)))),
    };

    public static CtyValue FromPValue(PValue? value, CtyType type) => value?.Unwrap() switch
    {
        null or PValue.Null => CtyValue.Null,
        PValue.Unknown => CtyValue.Unknown,
        PValue.Str s => CtyValue.String(s.Value),
        PValue.Bool b => CtyValue.Bool(b.Value),
        PValue.Number n => CtyValue.Number((decimal)n.Value),
        PValue.List l when type.Kind == CtyTypeKind.Set => CtyValue.Set(l.Items.Select(i => FromPValue(i, type.Element!))),
        PValue.List l => CtyValue.List(l.Items.Select(i => FromPValue(i, type.Element ?? CtyType.Dynamic))),
        PValue.Object o when type.Kind == CtyTypeKind.Object =>
            CtyValue.Map(type.Attributes.Select(a => KeyValuePair.Create(a.Key, FromPValue(o[a.Key], a.Value)))),
        PValue.Object o => CtyValue.Map(o.Fields.Select(f => KeyValuePair.Create(f.Key, FromPValue(f.Value, type.Element ?? CtyType.Dynamic)))),
        var other => throw new InvalidOperationException($"No Terraform value for {other.KindName}."),
    };

    private static PValue CreatedByToPValue(CtyValue value) => value.Kind == CtyValueKind.Map
        ? PValue.Object.From(PortalProperties.CreatedByFields.Select(f => KeyValuePair.Create(f.Name, ToPValue(value.GetAttribute(f.ApiField!)))))
        : ToPValue(value);

    private static CtyValue CreatedByFromPValue(PValue? value) => value?.Unwrap() switch
    {
        PValue.Object o => CtyValue.Map(PortalProperties.CreatedByFields.Select(f =>
            KeyValuePair.Create(f.ApiField!, FromPValue(o[f.Name], CtyType.String)))),
        var other => FromPValue(other, TerraformSchema.CreatedByType),
    };
}
