namespace PortalsProvider.Portals;

/// <summary>One argument of a function (invoke): its name and user documentation. Arguments are optional
/// strings; which combinations are valid is the function's own rule (<see cref="PortalLookup"/>).</summary>
internal sealed record FunctionArgument(string Name, string Description);
