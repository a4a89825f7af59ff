using System.Text.Json.Serialization;

namespace PortalsProvider.Buildkite;

/// <summary>Body of <c>PUT …/portals/{old slug}</c>.</summary>
/// <remarks>
/// Every field is always written, nulls included: an explicit JSON <c>null</c> is how a removed
/// <c>description</c> or allow-list is cleared (the official Terraform resource omits them and so can never
/// clear them). <c>slug</c> is always sent so that a name change can never make the API regenerate it.
/// </remarks>
internal sealed record PortalUpdateRequest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Description,
    [property: JsonPropertyName("allowed_ip_addresses"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? AllowedIpAddresses,
    [property: JsonPropertyName("user_invokable")] bool UserInvokable);
