using System.Text.Json.Serialization;

namespace PortalsProvider.Buildkite;

/// <summary>The portal's <c>created_by</c> object. The API's key for the user UUID is <c>id</c> (there is no <c>uuid</c>).</summary>
internal sealed record CreatedByDto(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("graphql_id")] string? GraphqlId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("avatar_url")] string? AvatarUrl,
    [property: JsonPropertyName("created_at")] string? CreatedAt);
