namespace PortalsProvider.Tests.Sdk;

/// <summary>One way in which the C# SDK differs from the schema.</summary>
/// <param name="Group">The schema entry it belongs to: <c>package</c>, <c>resource Portal</c>, <c>provider</c>,
/// <c>config</c>, <c>type PortalCreatedBy</c>, <c>function getPortal</c>.</param>
/// <param name="Subject">What differs, e.g. <c>Portal.slug</c>, <c>PortalArgs.name</c>, <c>Config.apiToken</c>.</param>
/// <param name="Message">How it differs: what the schema implies versus what the SDK has.</param>
internal sealed record SchemaMismatch(string Group, string Subject, string Message)
{
    public override string ToString() => $"{Subject}: {Message}";
}
