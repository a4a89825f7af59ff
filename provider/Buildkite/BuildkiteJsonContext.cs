using System.Text.Json.Serialization;

namespace PortalsProvider.Buildkite;

/// <summary>Source-generated (reflection-free, trim- and AOT-safe) JSON metadata for every API type.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(PortalDto))]
[JsonSerializable(typeof(List<PortalDto>))]
[JsonSerializable(typeof(PortalCreateRequest))]
[JsonSerializable(typeof(PortalUpdateRequest))]
[JsonSerializable(typeof(ApiErrorBody))]
internal sealed partial class BuildkiteJsonContext : JsonSerializerContext;
