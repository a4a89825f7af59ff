namespace PortalsApi.Emulator;

/// <summary>A portal to add directly to the store (bypassing HTTP), validated like a <c>POST</c>.</summary>
public sealed record PortalSeed
{
    /// <summary>Required, non-blank.</summary>
    public required string Name { get; init; }

    /// <summary>The GraphQL document; defaults to a small valid query.</summary>
    public string Query { get; init; } = "query Viewer { viewer { user { name } } }";

    /// <summary>Explicit slug; <c>null</c> derives it from <see cref="Name"/> like the API.</summary>
    public string? Slug { get; init; }

    /// <summary>Optional description.</summary>
    public string? Description { get; init; }

    /// <summary>Optional space-separated CIDRs.</summary>
    public string? AllowedIpAddresses { get; init; }

    /// <summary>Optional, default false.</summary>
    public bool UserInvokable { get; init; }

    /// <summary>Token to store; <c>null</c> generates a fresh <c>bkpat_…</c> token.</summary>
    public string? Token { get; init; }
}
