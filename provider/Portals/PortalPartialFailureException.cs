namespace PortalsProvider.Portals;

/// <summary>
/// The portal exists but the operation could not be completed (a create whose response was lost). Front ends
/// must keep <see cref="State"/> (above all its ID) in state so the portal is never orphaned; the token is lost.
/// </summary>
internal sealed class PortalPartialFailureException : Exception
{
    public PortalPartialFailureException(PortalState state, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        State = state;
    }

    public PortalState State { get; }
}
