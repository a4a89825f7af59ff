namespace PortalsProvider.Terraform;

/// <summary>A request this provider cannot serve as asked (unknown type name, bad value shape); shown as is.</summary>
internal sealed class TerraformUsageException(string message) : Exception(message);
