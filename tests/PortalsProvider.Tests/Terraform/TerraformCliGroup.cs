namespace PortalsProvider.Tests.Terraform;

/// <summary>The Terraform CLI tests share one published provider and run one at a time (terraform is CPU-heavy).</summary>
[CollectionDefinition(Name)]
public sealed class TerraformCliGroup : ICollectionFixture<PublishedProviderFixture>
{
    public const string Name = "Terraform CLI";
}
