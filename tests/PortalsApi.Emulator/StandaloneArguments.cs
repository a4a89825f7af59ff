using System.Globalization;

namespace PortalsApi.Emulator;

/// <summary>Command line of the standalone emulator.</summary>
internal static class StandaloneArguments
{
    public const string Usage =
        "usage: PortalsApi.Emulator --token TOKEN --org ORG [--org ORG2 ...] [--port PORT (0 = free)] [--rate-limit N] [--user-rate-limit N] [--regenerate-slug-on-name-change] [--log]";

    public static bool TryParse(string[] args, out EmulatorOptions? options, out string error)
    {
        options = null;
        error = string.Empty;
        string? token = null;
        var organizations = new List<string>();
        var port = 0;
        int? rateLimit = null;
        int? userRateLimit = null;
        var log = false;
        var regenerate = false;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--log")
            {
                log = true;
                continue;
            }

            if (name == "--regenerate-slug-on-name-change")
            {
                regenerate = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{name} needs a value.";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--token":
                    token = value;
                    break;
                case "--org":
                    organizations.Add(value);
                    break;
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535:
                    port = p;
                    break;
                case "--rate-limit" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r >= 1:
                    rateLimit = r;
                    break;
                case "--user-rate-limit" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var u) && u >= 1:
                    userRateLimit = u;
                    break;
                default:
                    error = $"Unknown option or bad value: {name} {value}";
                    return false;
            }
        }

        if (string.IsNullOrWhiteSpace(token) || organizations.Count == 0)
        {
            error = "--token and --org are required.";
            return false;
        }

        options = new EmulatorOptions
        {
            Token = token,
            Organization = organizations[0],
            AdditionalOrganizations = organizations.Skip(1).ToList(),
            Port = port,
            RateLimitPerMinute = rateLimit,
            UserRateLimitPerMinute = userRateLimit,
            Logging = log,
            RegenerateSlugOnNameChange = regenerate,
        };
        return true;
    }
}
