namespace PortalsProvider.Buildkite;

/// <summary>The Portals REST API of one organization. HTTP only: no Pulumi or Terraform types cross this line.</summary>
/// <remarks>
/// Every method is bounded by <paramref name="timeout"/> (null: the client's default operation timeout), which
/// covers all attempts and every wait between them, and by <paramref name="ct"/>. Failures are
/// <see cref="BuildkiteApiException"/>; a cancelled <paramref name="ct"/> surfaces as
/// <see cref="OperationCanceledException"/>; the deadline passing surfaces as <see cref="BuildkiteApiException"/> with
/// <see cref="ApiFailureKind.Timeout"/>, never as a cancellation. Branch on <see cref="BuildkiteApiException.Kind"/>,
/// <see cref="BuildkiteApiException.StatusCode"/> and <see cref="BuildkiteApiException.IsNotFound"/>, never on text.
/// Implementations are safe for concurrent use.
/// </remarks>
internal interface IPortalsApi
{
    /// <summary>Every portal of the organization, following <c>Link rel="next"</c> with <c>per_page=100</c>.</summary>
    Task<IReadOnlyList<PortalDto>> ListAsync(TimeSpan? timeout, CancellationToken ct);

    Task<PortalDto> GetAsync(string slug, TimeSpan? timeout, CancellationToken ct);

    /// <summary>POST. Retried only where the API provably did not act (429, connection refused).</summary>
    Task<PortalDto> CreateAsync(PortalCreateRequest request, TimeSpan? timeout, CancellationToken ct);

    /// <summary>PUT to the portal's current (old) slug; the body may carry a new slug.</summary>
    /// <remarks>When a retried rename meets 404 at the old slug after an earlier attempt may have landed, the portal
    /// is looked up at the new slug and returned if it matches the request; otherwise the 404 stands.</remarks>
    Task<PortalDto> UpdateAsync(string slug, PortalUpdateRequest request, TimeSpan? timeout, CancellationToken ct);

    /// <summary>DELETE (204). A 404 is reported as <see cref="BuildkiteApiException.IsNotFound"/>, including when a
    /// retry follows an attempt that may already have deleted it: the caller decides whether "gone" is success.</summary>
    Task DeleteAsync(string slug, TimeSpan? timeout, CancellationToken ct);
}
