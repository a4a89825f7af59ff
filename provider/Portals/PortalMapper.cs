using System.Collections.Immutable;
using PortalsProvider.Buildkite;

namespace PortalsProvider.Portals;

/// <summary>The only translations between the API's shapes and ours: one per direction.</summary>
internal static class PortalMapper
{
    public const string PortalHost = "https://portal.buildkite.com";

    /// <summary>API response → state. <paramref name="priorToken"/> is kept unless the response carries one
    /// (only a create response does: the API never returns the token again).</summary>
    public static PortalState ToState(PortalDto dto, string organization, string? priorToken)
    {
        ArgumentNullException.ThrowIfNull(dto);
        return new PortalState(
            Uuid: dto.Uuid,
            Name: dto.Name,
            Query: dto.Query,
            Slug: dto.Slug,
            Description: dto.Description,
            AllowedIpAddresses: SplitAllowList(dto.AllowedIpAddresses),
            UserInvokable: dto.UserInvokable,
            OrganizationUuid: dto.OrganizationUuid,
            CreatedAt: dto.CreatedAt,
            CreatedBy: dto.CreatedBy is { } c ? new PortalCreator(c.Id, c.GraphqlId, c.Name, c.Email, c.AvatarUrl, c.CreatedAt) : null,
            Url: InvocationUrl(organization, dto.Slug),
            Token: string.IsNullOrEmpty(dto.Token) ? priorToken : dto.Token);
    }

    /// <summary>Inputs → POST body. Unset optional fields are omitted (the API derives the slug from the name).</summary>
    public static PortalCreateRequest ToCreateRequest(PortalInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return new PortalCreateRequest(
            inputs.Name, inputs.Query, inputs.Slug, inputs.Description, JoinAllowList(inputs.AllowedIpAddresses), inputs.EffectiveUserInvokable);
    }

    /// <summary>Inputs → PUT body. Every field is sent: null clears description and allow-list,
    /// <c>userInvokable</c> defaults to false, and the slug falls back to the current one so that a name change
    /// can never make the API regenerate it.</summary>
    public static PortalUpdateRequest ToUpdateRequest(PortalInputs inputs, string currentSlug)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return new PortalUpdateRequest(
            inputs.Name, inputs.Query, inputs.Slug ?? currentSlug, inputs.Description, JoinAllowList(inputs.AllowedIpAddresses), inputs.EffectiveUserInvokable);
    }

    public static string InvocationUrl(string organization, string slug) =>
        $"{PortalHost}/organizations/{Uri.EscapeDataString(organization)}/portals/{Uri.EscapeDataString(slug)}";

    /// <summary>The API's allow-list is one string of CIDRs separated by single spaces; empty means none.</summary>
    public static string? JoinAllowList(ImmutableArray<string>? cidrs) =>
        cidrs is { IsDefaultOrEmpty: false } list ? string.Join(' ', list) : null;

    public static ImmutableArray<string>? SplitAllowList(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : [.. value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)];
}
