namespace PortalsApi.Emulator;

/// <summary>The <c>created_by</c> object of a portal: <c>{id, graphql_id, name, email, avatar_url, created_at}</c>.</summary>
public sealed record EmulatedUser
{
    /// <summary>The user the emulator reports unless <see cref="EmulatorOptions.User"/> says otherwise.</summary>
    public static EmulatedUser Default { get; } = new()
    {
        Id = "0190e5e4-6f4b-4f8e-9a3c-2b0c6d7e8f90",
        GraphqlId = "VXNlci0tLTAxOTBlNWU0LTZmNGItNGY4ZS05YTNjLTJiMGM2ZDdlOGY5MA==",
        Name = "Emulated Admin",
        Email = "admin@example.com",
        AvatarUrl = "https://www.gravatar.com/avatar/00000000000000000000000000000000",
        CreatedAt = "2024-01-15T09:30:00.000Z",
    };

    /// <summary>User UUID (JSON <c>id</c>).</summary>
    public required string Id { get; init; }

    /// <summary>JSON <c>graphql_id</c>.</summary>
    public required string GraphqlId { get; init; }

    /// <summary>JSON <c>name</c>.</summary>
    public required string Name { get; init; }

    /// <summary>JSON <c>email</c>.</summary>
    public required string Email { get; init; }

    /// <summary>JSON <c>avatar_url</c>.</summary>
    public required string AvatarUrl { get; init; }

    /// <summary>JSON <c>created_at</c>, exactly as sent.</summary>
    public required string CreatedAt { get; init; }
}
