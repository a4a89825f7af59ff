using System.Collections.Immutable;

namespace PortalsProvider.Portals;

/// <summary>What a user declares for a portal, typed. Null means "not set".</summary>
/// <param name="Name">Required, non-blank.</param>
/// <param name="Query">Required GraphQL executable document.</param>
/// <param name="Slug">Null: the API derives it from the name on create, and the current slug is kept on update.</param>
/// <param name="Description">Null: none (cleared on update).</param>
/// <param name="AllowedIpAddresses">Null or empty: no allow-list (cleared on update). A set; order is kept as given.</param>
/// <param name="UserInvokable">Null: not set (the API value <c>false</c>).</param>
internal sealed record PortalInputs(
    string Name,
    string Query,
    string? Slug = null,
    string? Description = null,
    ImmutableArray<string>? AllowedIpAddresses = null,
    bool? UserInvokable = null)
{
    public bool EffectiveUserInvokable => UserInvokable ?? false;

    public bool Equals(PortalInputs? other) =>
        other is not null && Name == other.Name && Query == other.Query && Slug == other.Slug
        && Description == other.Description && UserInvokable == other.UserInvokable
        && AllowedIpAddresses.HasValue == other.AllowedIpAddresses.HasValue
        && (!AllowedIpAddresses.HasValue || AllowedIpAddresses.Value.SequenceEqual(other.AllowedIpAddresses!.Value));

    public override int GetHashCode() => HashCode.Combine(Name, Query, Slug);
}
