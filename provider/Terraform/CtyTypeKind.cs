namespace PortalsProvider.Terraform;

/// <summary>The kinds of Terraform's type system (cty) that can appear in a schema.</summary>
internal enum CtyTypeKind
{
    String,
    Number,
    Bool,
    List,
    Set,
    Map,
    Object,
    Tuple,
    Dynamic,
}
