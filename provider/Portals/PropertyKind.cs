namespace PortalsProvider.Portals;

/// <summary>The value type of a property, in terms every front end can map (schema type, Check, msgpack type).</summary>
internal enum PropertyKind
{
    String,
    Boolean,
    Integer,

    /// <summary>A list of strings.</summary>
    StringList,

    /// <summary>The <c>createdBy</c> object (<see cref="PortalProperties.CreatedByFields"/>).</summary>
    CreatedBy,
}
