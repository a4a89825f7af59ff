namespace PortalsProvider.Tests.Terraform;

/// <summary>A test that needs the terraform CLI: skipped with a reason when it is missing, except in CI (CI=true), where it runs and fails.</summary>
public sealed class TerraformFactAttribute : FactAttribute
{
    public TerraformFactAttribute()
    {
        if (!TerraformCli.IsAvailable && !TerraformCli.IsRequired)
        {
            Skip = TerraformCli.SkipReason;
        }
    }
}
