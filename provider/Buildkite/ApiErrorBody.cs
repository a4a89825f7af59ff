using System.Text.Json.Serialization;

namespace PortalsProvider.Buildkite;

/// <summary>The API's error body: <c>{"message": "…"}</c>, sometimes with <c>errors</c>.</summary>
internal sealed record ApiErrorBody(
    [property: JsonPropertyName("message")] string? Message);
