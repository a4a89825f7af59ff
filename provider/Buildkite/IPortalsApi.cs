namespace PortalsProvider.Buildkite;

/// <summary>The Portals REST API of one organization. HTTP only: no Pulumi or Terraform types cross this line.</summary>
/// <remarks>
/// Every method is bounded by <paramref name="timeout"/> (null: the client's default operation timeout), which
/// covers all attempts and every wait between them, and by <paramref name="ct"/>. Failures are
/// <see cref="BuildkiteApiException"/>; a cancelled <paramref name="ct"/> surfaces as
/// <see cref="OperationCanceledException"/>.
/// </remarks>
internal interface IPortalsApi
{
    /// <summary>Every portal of the organization, following <c>Link rel="next"</c> with <c>per_page=100</c>.</summary>
    Task<IReadOnlyList<PortalDto>> ListAsync(TimeSpan? timeout, CancellationToken ct);

    Task<PortalDto> GetAsync(string slug, TimeSpan? timeout, CancellationToken ct);

    /// <summary>POST. Retried only where the API provably did not act (429, connection refused).</summary>
    Task<PortalDto> CreateAsync(PortalCreateRequest request, TimeSpan? timeout, CancellationToken ct);

    /// <summary>PUT to the portal's current (old) slug; the body may carry a new slug.</summary>
    Task<PortalDto> UpdateAsync(string slug, PortalUpdateRequest request, TimeSpan? timeout, CancellationToken ct);

    Task DeleteAsync(string slug, TimeSpan? timeout, CancellationToken ct);
}
