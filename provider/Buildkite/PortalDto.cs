using System.Text.Json.Serialization;

namespace PortalsProvider.Buildkite;

/// <summary>A portal exactly as the REST API returns it. Field names are the API's.</summary>
/// <remarks>
/// <c>created_at</c> stays a raw string: the provider stores it exactly as returned so that refreshes never
/// produce a diff from re-formatting. <c>token</c> is present only in the create response.
/// </remarks>
internal sealed record PortalDto(
    [property: JsonPropertyName("uuid")] string Uuid,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("organization_uuid")] string? OrganizationUuid,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("allowed_ip_addresses")] string? AllowedIpAddresses,
    [property: JsonPropertyName("user_invokable")] bool UserInvokable,
    [property: JsonPropertyName("created_at")] string? CreatedAt,
    [property: JsonPropertyName("created_by")] CreatedByDto? CreatedBy,
    [property: JsonPropertyName("token")] string? Token);
