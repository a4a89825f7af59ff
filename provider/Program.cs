namespace PortalsProvider;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (Terraform.TerraformHost.IsTerraformLaunch())
        {
            return await Terraform.TerraformHost.RunAsync(args, CancellationToken.None).ConfigureAwait(false);
        }

        // `schema` is a maintenance mode, not a plugin mode: it prints the package schema to stdout and exits.
        if (args is ["schema"])
        {
            Console.Out.Write(Pulumi.PulumiSchema.Json);
            return 0;
        }

        return 0;
    }
}
