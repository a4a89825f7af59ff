namespace PortalsProvider.ImportPlan;

/// <summary>The <c>import-plan</c> command line: <c>--organization</c>, <c>--api-url</c>, <c>--name-contains</c>,
/// <c>--output</c> (each as <c>--flag value</c> or <c>--flag=value</c>) and <c>--help</c>. There is deliberately no
/// token flag: a token on a command line ends up in shell history and process listings.</summary>
internal sealed record ImportPlanArguments(string? Organization, string? ApiUrl, string? NameContains, string? Output, bool Help)
{
    public const string OrganizationFlag = "--organization";
    public const string ApiUrlFlag = "--api-url";
    public const string NameContainsFlag = "--name-contains";
    public const string OutputFlag = "--output";

    /// <summary>Parses the arguments after <c>import-plan</c>.</summary>
    /// <exception cref="ArgumentException">An unknown flag, a flag without its value or a repeated flag; the
    /// message names it.</exception>
    public static ImportPlanArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a is "--help" or "-h")
            {
                help = true;
                continue;
            }

            var eq = a.IndexOf('=', StringComparison.Ordinal);
            var flag = eq > 0 ? a[..eq] : a;
            if (flag is not (OrganizationFlag or ApiUrlFlag or NameContainsFlag or OutputFlag))
            {
                throw new ArgumentException(
                    flag is "--token" or "--api-token"
                        ? $"{flag} is not accepted (a token on a command line leaks into shell history); set BUILDKITE_API_TOKEN instead"
                        : $"unknown argument \"{a}\"; import-plan takes {OrganizationFlag}, {ApiUrlFlag}, {NameContainsFlag}, {OutputFlag} and --help",
                    nameof(args));
            }

            string value;
            if (eq > 0)
            {
                value = a[(eq + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                throw new ArgumentException($"{flag} needs a value ({flag} VALUE or {flag}=VALUE)", nameof(args));
            }

            if (!values.TryAdd(flag, value))
            {
                throw new ArgumentException($"{flag} is given more than once", nameof(args));
            }
        }

        return new ImportPlanArguments(
            values.GetValueOrDefault(OrganizationFlag),
            values.GetValueOrDefault(ApiUrlFlag),
            values.GetValueOrDefault(NameContainsFlag),
            values.GetValueOrDefault(OutputFlag),
            help);
    }
}
