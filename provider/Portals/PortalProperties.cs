using System.Collections.Immutable;

namespace PortalsProvider.Portals;

/// <summary>
/// The property table. Check, Diff, the mappers, the Pulumi schema (and through it the C# SDK) and the
/// Terraform schema all read these rows; nothing else spells a property's name, type, secrecy or description.
/// </summary>
internal static class PortalProperties
{
    public const string Name = "name";
    public const string Query = "query";
    public const string Slug = "slug";
    public const string Description = "description";
    public const string AllowedIpAddresses = "allowedIpAddresses";
    public const string UserInvokable = "userInvokable";
    public const string Uuid = "uuid";
    public const string OrganizationUuid = "organizationUuid";
    public const string CreatedAt = "createdAt";
    public const string CreatedBy = "createdBy";
    public const string Url = "url";
    public const string Token = "token";

    /// <summary>The portal's slug rule (the pipeline slug rule, lowercase only); the API stays authoritative.</summary>
    public const string SlugPattern = "^[a-z0-9][a-z0-9-]*$";

    public const int SlugMaxLength = 100;

    /// <summary>Every property of the <c>Portal</c> resource, inputs first, in schema order.</summary>
    public static ImmutableArray<PortalProperty> All { get; } =
    [
        new(Name, "name", PropertyKind.String, Input: true, RequiredInput: true, AlwaysOutput: true, Secret: false,
            "The portal's display name. Must not be blank."),
        new(Query, "query", PropertyKind.String, Input: true, RequiredInput: true, AlwaysOutput: true, Secret: false,
            "The GraphQL executable document the portal runs. It is syntax-checked at preview time; a document may define several operations (callers pick one with `?operation_name=`)."),
        new(Slug, "slug", PropertyKind.String, Input: true, RequiredInput: false, AlwaysOutput: true, Secret: false,
            "The portal's URL segment (`^[a-z0-9][a-z0-9-]*$`, at most 100 characters). When omitted, Buildkite derives it from the name. Changing it renames the portal in place (callers must use the new URL); it never replaces the portal."),
        new(Description, "description", PropertyKind.String, Input: true, RequiredInput: false, AlwaysOutput: false, Secret: false,
            "A description of the portal. Removing it clears it."),
        new(AllowedIpAddresses, "allowed_ip_addresses", PropertyKind.StringList, Input: true, RequiredInput: false, AlwaysOutput: false, Secret: false,
            "The CIDR blocks (IPv4 or IPv6) allowed to invoke the portal. Order does not matter. Omitted: any address may invoke it; removing it clears the allow-list."),
        new(UserInvokable, "user_invokable", PropertyKind.Boolean, Input: true, RequiredInput: false, AlwaysOutput: true, Secret: false,
            "Whether organization members may invoke the portal with their own user-scoped tokens. Defaults to `false`."),
        new(Uuid, "uuid", PropertyKind.String, Input: false, RequiredInput: false, AlwaysOutput: true, Secret: false,
            "The portal's UUID; also its resource ID, stable across slug renames."),
        new(OrganizationUuid, "organization_uuid", PropertyKind.String, Input: false, RequiredInput: false, AlwaysOutput: false, Secret: false,
            "The UUID of the organization that owns the portal."),
        new(CreatedAt, "created_at", PropertyKind.String, Input: false, RequiredInput: false, AlwaysOutput: false, Secret: false,
            "When the portal was created (ISO 8601, exactly as the API returned it)."),
        new(CreatedBy, "created_by", PropertyKind.CreatedBy, Input: false, RequiredInput: false, AlwaysOutput: false, Secret: false,
            "The user who created the portal."),
        new(Url, null, PropertyKind.String, Input: false, RequiredInput: false, AlwaysOutput: true, Secret: false,
            "The invocation endpoint callers POST to: `https://portal.buildkite.com/organizations/{organization}/portals/{slug}`. Follows slug renames."),
        new(Token, "token", PropertyKind.String, Input: false, RequiredInput: false, AlwaysOutput: false, Secret: true,
            "The portal's long-lived service token. Buildkite returns it only when the portal is created, so it is absent after an import; rotate it by replacing the portal (for example `pulumi up --replace <urn>`)."),
    ];

    /// <summary>The input rows.</summary>
    public static ImmutableArray<PortalProperty> Inputs { get; } = [.. All.Where(p => p.Input)];

    /// <summary>The fields of <c>createdBy</c> (all strings).</summary>
    public static ImmutableArray<PortalProperty> CreatedByFields { get; } =
    [
        new("id", "id", PropertyKind.String, false, false, false, false, "The user's UUID."),
        new("graphqlId", "graphql_id", PropertyKind.String, false, false, false, false, "The user's GraphQL ID."),
        new("name", "name", PropertyKind.String, false, false, false, false, "The user's name."),
        new("email", "email", PropertyKind.String, false, false, false, false, "The user's email address."),
        new("avatarUrl", "avatar_url", PropertyKind.String, false, false, false, false, "The URL of the user's avatar."),
        new("createdAt", "created_at", PropertyKind.String, false, false, false, false, "When the user was created (as the API returned it)."),
    ];

    public const string ConfigApiToken = "apiToken";
    public const string ConfigOrganization = "organization";
    public const string ConfigApiUrl = "apiUrl";
    public const string ConfigMaxRetries = "maxRetries";

    /// <summary>Provider configuration keys. Explicit config beats <see cref="ConfigProperty.EnvVar"/>, which beats the default.</summary>
    public static ImmutableArray<ConfigProperty> Config { get; } =
    [
        new(ConfigApiToken, PropertyKind.String, "BUILDKITE_API_TOKEN", null, Required: true, Secret: true,
            "A Buildkite API access token with the `read_portals` and `write_portals` scopes. Falls back to `BUILDKITE_API_TOKEN`."),
        new(ConfigOrganization, PropertyKind.String, "BUILDKITE_ORGANIZATION_SLUG", null, Required: true, Secret: false,
            "The slug of the Buildkite organization that owns the portals. Falls back to `BUILDKITE_ORGANIZATION_SLUG`."),
        new(ConfigApiUrl, PropertyKind.String, "BUILDKITE_REST_URL", "https://api.buildkite.com", Required: false, Secret: false,
            "The Buildkite REST API base URL. Falls back to `BUILDKITE_REST_URL`, then `https://api.buildkite.com`. Plain `http://` is accepted only for loopback hosts."),
        new(ConfigMaxRetries, PropertyKind.Integer, null, "10", Required: false, Secret: false,
            "How many times a request is retried after a rate limit (429), a server error (5xx) or a transport fault. Defaults to 10."),
    ];

    public static PortalProperty Get(string name) => All.First(p => p.Name == name);
}
