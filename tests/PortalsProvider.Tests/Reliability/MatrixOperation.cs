namespace PortalsProvider.Tests.Reliability;

/// <summary>The rows of the fault matrix: each resource operation as the engine issues it.</summary>
public enum MatrixOperation
{
    /// <summary>Create with an explicit slug (the lookup after an ambiguous POST is a GET by slug).</summary>
    Create,

    /// <summary>Create without a slug (the API derives it; the lookup lists and matches every input).</summary>
    CreateDerivedSlug,

    /// <summary>Refresh: Read with state.</summary>
    Read,

    /// <summary>Update of a property other than the slug.</summary>
    Update,

    /// <summary>Update that renames the slug (PUT to the old slug with the new one in the body).</summary>
    Rename,

    Delete,

    /// <summary><c>pulumi import</c>: Read with only an ID (the slug).</summary>
    Import,
}
