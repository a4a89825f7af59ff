namespace Pulumi.BuildkitePortals;

/// <summary>Registers a resource type token together with this package's version.</summary>
internal sealed class BuildkitePortalsResourceTypeAttribute : global::Pulumi.ResourceTypeAttribute
{
    public BuildkitePortalsResourceTypeAttribute(string type) : base(type, Utilities.Version)
    {
    }
}
