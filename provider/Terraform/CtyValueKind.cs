namespace PortalsProvider.Terraform;

/// <summary>What a <see cref="CtyValue"/> holds. Lists and tuples share <see cref="List"/>; maps and objects share <see cref="Map"/>.</summary>
internal enum CtyValueKind
{
    Null,
    Unknown,
    String,
    Number,
    Bool,
    List,
    Set,
    Map,
}
