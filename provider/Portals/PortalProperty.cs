namespace PortalsProvider.Portals;

/// <summary>One row of the property table: everything that differs between properties, stated once.</summary>
/// <param name="Name">The Pulumi (camelCase) name, also the key in the neutral <see cref="PValue.Object"/>.</param>
/// <param name="ApiField">The REST API's JSON field (snake_case; also the Terraform attribute name), or null for
/// a property the provider derives itself (<c>url</c>).</param>
/// <param name="Kind">Value type.</param>
/// <param name="Input">A user may set it.</param>
/// <param name="RequiredInput">A user must set it.</param>
/// <param name="AlwaysOutput">Present in every state (schema <c>required</c> output).</param>
/// <param name="Secret">Always wrapped as a secret on the way out.</param>
/// <param name="Description">User documentation (schema, SDK doc comments, Terraform docs).</param>
internal sealed record PortalProperty(
    string Name,
    string? ApiField,
    PropertyKind Kind,
    bool Input,
    bool RequiredInput,
    bool AlwaysOutput,
    bool Secret,
    string Description);
