using System.Text.Json.Serialization;

namespace PortalsProvider.Buildkite;

/// <summary>Body of <c>POST …/portals</c>. Unset optional fields are omitted; an omitted slug is derived by the API.</summary>
internal sealed record PortalCreateRequest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("slug"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Slug,
    [property: JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    [property: JsonPropertyName("allowed_ip_addresses"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AllowedIpAddresses,
    [property: JsonPropertyName("user_invokable")] bool UserInvokable);
