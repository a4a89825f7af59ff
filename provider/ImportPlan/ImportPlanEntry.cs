namespace PortalsProvider.ImportPlan;

/// <summary>One resource of a <c>pulumi import --file</c> document.</summary>
/// <param name="Type">The resource token.</param>
/// <param name="Name">The logical name the resource gets in the stack (unique, valid).</param>
/// <param name="Id">The import ID: the portal's UUID.</param>
internal sealed record ImportPlanEntry(string Type, string Name, string Id);
