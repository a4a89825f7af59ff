using PortalsProvider.Terraform.Protocol;

namespace PortalsProvider.Terraform;

/// <summary>A schema block (only attributes: this provider has no nested blocks) and the object type it implies.</summary>
internal sealed class SchemaBlock
{
    public SchemaBlock(string description, params SchemaAttribute[] attributes)
    {
        Description = description;
        Attributes = attributes;
        ImpliedType = CtyType.Object(attributes.Select(a => KeyValuePair.Create(a.Name, a.Type)));
    }

    public string Description { get; }

    public IReadOnlyList<SchemaAttribute> Attributes { get; }

    /// <summary>The object type every value of this block is encoded with.</summary>
    public CtyType ImpliedType { get; }

    public Schema ToProto(long version = 0)
    {
        var block = new Schema.Types.Block
        {
            Version = version,
            Description = Description,
            DescriptionKind = StringKind.Markdown,
        };
        block.Attributes.AddRange(Attributes.Select(a => a.ToProto()));
        return new Schema { Version = version, Block = block };
    }
}
