namespace PortalsApi.Emulator;

/// <summary>One organization's portals in creation order (guarded by <see cref="EmulatorState"/>'s lock).</summary>
internal sealed class OrganizationState(string slug, string uuid)
{
    public string Slug { get; } = slug;

    public string Uuid { get; } = uuid;

    public List<EmulatedPortal> Portals { get; } = [];

    public int IndexOf(string slug) => Portals.FindIndex(p => string.Equals(p.Slug, slug, StringComparison.Ordinal));
}
