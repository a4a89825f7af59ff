namespace PortalsApi.Emulator;

/// <summary>Result of a store operation: the portal, or an HTTP status with the API's message.</summary>
internal sealed record StoreOutcome(EmulatedPortal? Portal, int Status, string? Message)
{
    public static StoreOutcome Ok(EmulatedPortal portal, int status) => new(portal, status, null);

    public static StoreOutcome Invalid(IReadOnlyCollection<string> problems) =>
        new(null, 422, PortalRules.ValidationFailed(problems));

    public static StoreOutcome NotFound { get; } = new(null, 404, "No portal found");
}
