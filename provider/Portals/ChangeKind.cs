namespace PortalsProvider.Portals;

/// <summary>How one property changes. There is no replace: every input is updatable in place.</summary>
internal enum ChangeKind
{
    Add,
    Update,
    Delete,
}
