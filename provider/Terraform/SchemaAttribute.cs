using Google.Protobuf;
using PortalsProvider.Terraform.Protocol;

namespace PortalsProvider.Terraform;

/// <summary>One attribute of a Terraform schema block.</summary>
/// <remarks>Valid flag combinations are required, optional, computed and optional+computed.</remarks>
internal sealed record SchemaAttribute(
    string Name,
    CtyType Type,
    string Description,
    bool Required = false,
    bool Optional = false,
    bool Computed = false,
    bool Sensitive = false)
{
    public Schema.Types.Attribute ToProto() => new()
    {
        Name = Name,
        Type = ByteString.CopyFromUtf8(Type.ToJson()),
        Description = Description,
        DescriptionKind = StringKind.Markdown,
        Required = Required,
        Optional = Optional,
        Computed = Computed,
        Sensitive = Sensitive,
    };
}
