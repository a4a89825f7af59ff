using System.Collections.Immutable;

namespace PortalsProvider.Portals;

/// <summary>Everything known about a portal after an API call: the inputs as the API holds them plus the
/// server-assigned outputs. <see cref="Token"/> is only ever known from a create response and is carried
/// forward from prior state thereafter.</summary>
internal sealed record PortalState(
    string Uuid,
    string Name,
    string Query,
    string Slug,
    string? Description,
    ImmutableArray<string>? AllowedIpAddresses,
    bool UserInvokable,
    string? OrganizationUuid,
    string? CreatedAt,
    PortalCreator? CreatedBy,
    string Url,
    string? Token)
{
    public bool Equals(PortalState? other) =>
        other is not null && Uuid == other.Uuid && Name == other.Name && Query == other.Query && Slug == other.Slug
        && Description == other.Description && UserInvokable == other.UserInvokable
        && OrganizationUuid == other.OrganizationUuid && CreatedAt == other.CreatedAt && CreatedBy == other.CreatedBy
        && Url == other.Url && Token == other.Token
        && AllowedIpAddresses.HasValue == other.AllowedIpAddresses.HasValue
        && (!AllowedIpAddresses.HasValue || AllowedIpAddresses.Value.SequenceEqual(other.AllowedIpAddresses!.Value));

    public override int GetHashCode() => HashCode.Combine(Uuid, Slug, Name);

    /// <summary>Keeps the token out of logs.</summary>
    public override string ToString() => $"PortalState {{ Uuid = {Uuid}, Slug = {Slug}, Name = {Name} }}";
}
