using System.Globalization;

namespace PortalsApi.Emulator;

/// <summary>A portal as the emulator stores it, including the token the API only ever returns on create.</summary>
public sealed record EmulatedPortal
{
    /// <summary>JSON <c>uuid</c>.</summary>
    public required string Uuid { get; init; }

    /// <summary>JSON <c>slug</c>, the URL key.</summary>
    public required string Slug { get; init; }

    /// <summary>Slug of the organization the portal belongs to (not part of the API's JSON).</summary>
    public required string Organization { get; init; }

    /// <summary>JSON <c>organization_uuid</c>.</summary>
    public required string OrganizationUuid { get; init; }

    /// <summary>JSON <c>name</c>.</summary>
    public required string Name { get; init; }

    /// <summary>JSON <c>description</c>; <c>null</c> when unset.</summary>
    public string? Description { get; init; }

    /// <summary>JSON <c>query</c>, stored exactly as sent.</summary>
    public required string Query { get; init; }

    /// <summary>JSON <c>allowed_ip_addresses</c> (space-separated CIDRs); <c>null</c> when unset.</summary>
    public string? AllowedIpAddresses { get; init; }

    /// <summary>JSON <c>user_invokable</c>.</summary>
    public bool UserInvokable { get; init; }

    /// <summary>Creation time, millisecond precision, UTC.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>JSON <c>created_by</c>.</summary>
    public required EmulatedUser CreatedBy { get; init; }

    /// <summary>The portal token (<c>bkpat_…</c>), returned by the REST API only in the create response.</summary>
    public required string Token { get; init; }

    /// <summary><see cref="CreatedAt"/> as the API renders it, e.g. <c>2024-08-26T03:22:45.555Z</c>.</summary>
    public string CreatedAtText => FormatTimestamp(CreatedAt);

    internal static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
