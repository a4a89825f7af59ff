using PortalsProvider.Portals;

namespace PortalsProvider.Terraform;

/// <summary>
/// The Terraform schema, generated from the property table (<see cref="PortalProperties"/>): the same properties
/// as the Pulumi package under their snake_case names (the API's field names), with Terraform's flags.
/// </summary>
/// <remarks>
/// <c>id</c> is the portal UUID (the table's <c>uuid</c>). Optional inputs the API always reports (<c>slug</c>,
/// <c>user_invokable</c>) are optional+computed, so an unset slug takes the server-derived one without a diff.
/// A slug change is an in-place update: no attribute is ever in <c>requires_replace</c>. The allow-list is a
/// set (order never matters). Secret properties are sensitive.
/// </remarks>
internal static class TerraformSchema
{
    public const string ProviderTypeName = "portals";
    public const string PortalTypeName = "portals_portal";
    public const string PortalsTypeName = "portals_portals";
    public const string IdAttribute = "id";
    public const string NameContainsAttribute = "name_contains";
    public const string PortalsAttribute = "portals";

    public static CtyType CreatedByType { get; } = CtyType.Object(
        PortalProperties.CreatedByFields.Select(f => KeyValuePair.Create(f.ApiField!, CtyType.String)));

    public static SchemaBlock Provider { get; } = new(
        "Manages Buildkite Portals: stored GraphQL operations behind authenticated URLs. Every setting falls back to an environment variable.",
        [.. PortalProperties.Config.Select(c => new SchemaAttribute(
            ConfigAttributeName(c), TypeOf(c.Kind), c.Description, Optional: true, Sensitive: c.Secret))]);

    public static SchemaBlock PortalResource { get; } = new(
        "A Buildkite portal: a stored GraphQL operation behind an authenticated URL. Every argument is updatable in place.",
        [.. PortalProperties.All.Select(ResourceAttribute)]);

    /// <summary>Lookup by slug or UUID: every output except the token, all computed; <c>id</c> and <c>slug</c> are the keys.</summary>
    public static SchemaBlock PortalDataSource { get; } = new(
        "Looks up one portal by `slug` or by UUID (`id`); give exactly one. The token is never returned.",
        [.. PortalProperties.All.Where(p => !p.Secret).Select(p => new SchemaAttribute(
            AttributeName(p), TypeOf(p.Kind), p.Description,
            Optional: p.Name is PortalProperties.Uuid or PortalProperties.Slug,
            Computed: true))]);

    public static SchemaBlock PortalsDataSource { get; } = new(
        "Lists the organization's portals, following every page.",
        new SchemaAttribute(IdAttribute, CtyType.String, "The organization slug.", Computed: true),
        new SchemaAttribute(NameContainsAttribute, CtyType.String,
            "Only portals whose name contains this text (case-insensitive).", Optional: true),
        new SchemaAttribute(PortalsAttribute, CtyType.List(PortalDataSource.ImpliedType),
            "The portals (every attribute of the `portals_portal` data source).", Computed: true));

    /// <summary>The Terraform attribute name of a property: the API field, <c>id</c> for the UUID, snake_case otherwise.</summary>
    public static string AttributeName(PortalProperty property) =>
        property.Name == PortalProperties.Uuid ? IdAttribute : property.ApiField ?? SnakeCase(property.Name);

    public static string ConfigAttributeName(ConfigProperty property) => SnakeCase(property.Name);

    public static CtyType TypeOf(PropertyKind kind) => kind switch
    {
        PropertyKind.String => CtyType.String,
        PropertyKind.Boolean => CtyType.Bool,
        PropertyKind.Integer => CtyType.Number,
        PropertyKind.StringList => CtyType.Set(CtyType.String),
        PropertyKind.CreatedBy => CreatedByType,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No Terraform type for this property kind."),
    };

    public static string SnakeCase(string camel) =>
        string.Concat(camel.Select((c, i) => char.IsUpper(c) ? (i == 0 ? string.Empty : "_") + char.ToLowerInvariant(c) : c.ToString()));

    private static SchemaAttribute ResourceAttribute(PortalProperty p) => new(
        AttributeName(p),
        TypeOf(p.Kind),
        p.Name == PortalProperties.Token
            // The table's text names the Pulumi way to rotate; say the Terraform way.
            ? "The portal's long-lived service token. Buildkite returns it only when the portal is created, so it is empty after an import; rotate it by replacing the portal (`terraform apply -replace=<address>`)."
            : p.Description,
        Required: p.RequiredInput,
        Optional: p.Input && !p.RequiredInput,
        Computed: !p.Input || (!p.RequiredInput && p.AlwaysOutput),
        Sensitive: p.Secret);
}
