using System.Text.Json;
using System.Text.Json.Nodes;

namespace PortalsApi.Emulator;

/// <summary>
/// The portal fields a create or update request carries. "Has" distinguishes an absent field from an explicit
/// <c>null</c>, which clears <c>description</c> and <c>allowed_ip_addresses</c> on update.
/// </summary>
internal sealed record PortalChanges
{
    public bool HasName { get; init; }

    public string? Name { get; init; }

    public bool HasQuery { get; init; }

    public string? Query { get; init; }

    public bool HasSlug { get; init; }

    public string? Slug { get; init; }

    public bool HasDescription { get; init; }

    public string? Description { get; init; }

    public bool HasAllowedIpAddresses { get; init; }

    public string? AllowedIpAddresses { get; init; }

    public bool HasUserInvokable { get; init; }

    public bool? UserInvokable { get; init; }

    /// <summary>JSON names of fields present with a type the API cannot accept (e.g. a number for <c>name</c>).</summary>
    public IReadOnlySet<string> InvalidFields { get; init; } = new HashSet<string>();

    public static PortalChanges FromJson(JsonObject body)
    {
        var invalid = new HashSet<string>(StringComparer.Ordinal);
        var name = ReadString(body, "name", invalid, out var hasName);
        var query = ReadString(body, "query", invalid, out var hasQuery);
        var slug = ReadString(body, "slug", invalid, out var hasSlug);
        var description = ReadString(body, "description", invalid, out var hasDescription);
        var allowed = ReadString(body, "allowed_ip_addresses", invalid, out var hasAllowed);
        bool? userInvokable = null;
        var hasUserInvokable = body.TryGetPropertyValue("user_invokable", out var invokable);
        if (hasUserInvokable)
        {
            if (invokable is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                userInvokable = value.GetValue<bool>();
            }
            else
            {
                invalid.Add("user_invokable");
            }
        }

        return new PortalChanges
        {
            HasName = hasName,
            Name = name,
            HasQuery = hasQuery,
            Query = query,
            HasSlug = hasSlug,
            Slug = slug,
            HasDescription = hasDescription,
            Description = description,
            HasAllowedIpAddresses = hasAllowed,
            AllowedIpAddresses = allowed,
            HasUserInvokable = hasUserInvokable,
            UserInvokable = userInvokable,
            InvalidFields = invalid,
        };
    }

    public static PortalChanges FromSeed(PortalSeed seed) => new()
    {
        HasName = true,
        Name = seed.Name,
        HasQuery = true,
        Query = seed.Query,
        HasSlug = seed.Slug is not null,
        Slug = seed.Slug,
        HasDescription = true,
        Description = seed.Description,
        HasAllowedIpAddresses = true,
        AllowedIpAddresses = seed.AllowedIpAddresses,
        HasUserInvokable = true,
        UserInvokable = seed.UserInvokable,
    };

    private static string? ReadString(JsonObject body, string field, HashSet<string> invalid, out bool present)
    {
        present = body.TryGetPropertyValue(field, out var node);
        if (!present || node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        invalid.Add(field);
        return null;
    }
}
