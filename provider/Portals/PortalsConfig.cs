using System.Collections.Immutable;
using System.Globalization;
using PortalsProvider.Buildkite;

namespace PortalsProvider.Portals;

/// <summary>
/// Provider configuration: explicit config beats the environment variable, which beats the default (the
/// <see cref="PortalProperties.Config"/> table). Values may arrive as strings (Pulumi sends every config value
/// as a string, non-strings JSON-encoded), as numbers or booleans, or wrapped as secrets. Blank strings count
/// as unset. Messages name the key as the user writes it (<c>buildkite-portals:apiUrl</c>) or the
/// environment variable the value came from.
/// </summary>
internal static class PortalsConfig
{
    public const string KeyPrefix = ProviderInfo.PackageName + ":";

    /// <summary>Keys the engine manages and the provider passes through untouched.</summary>
    public static readonly ImmutableHashSet<string> PassThroughKeys = ["version", "pluginDownloadURL"];

    public const int MaxRetriesLimit = 100;

    public static ConfigResolution Resolve(PValue.Object config, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        var failures = ImmutableArray.CreateBuilder<CheckFailure>();
        var missing = ImmutableArray.CreateBuilder<ConfigProperty>();
        var unknown = false;

        foreach (var key in config.Fields.Keys)
        {
            if (!PassThroughKeys.Contains(key) && !key.StartsWith("__", StringComparison.Ordinal) && !PortalProperties.Config.Any(c => c.Name == key))
            {
                failures.Add(new CheckFailure(key, $"unknown configuration key {KeyPrefix}{key}; valid keys are {string.Join(", ", PortalProperties.Config.Select(c => KeyPrefix + c.Name))}"));
            }
        }

        var values = new Dictionary<string, (string Value, string Source)>(StringComparer.Ordinal);
        foreach (var c in PortalProperties.Config)
        {
            var raw = config[c.Name]?.Unwrap();
            string? text = raw switch
            {
                PValue.Str s => s.Value,
                PValue.Number n => n.ToString(),
                PValue.Bool b => b.ToString(),
                _ => null,
            };
            if (raw is PValue.Unknown)
            {
                unknown = true;
                continue;
            }

            if (raw is PValue.List or PValue.Object)
            {
                failures.Add(new CheckFailure(c.Name, $"{KeyPrefix}{c.Name} must be {(c.Kind == PropertyKind.Integer ? "an integer" : "a string")}, not {raw.KindName}"));
                continue;
            }

            if (!string.IsNullOrWhiteSpace(text))
            {
                values[c.Name] = (text.Trim(), KeyPrefix + c.Name);
            }
            else if (c.EnvVar is not null && environment(c.EnvVar) is { } env && !string.IsNullOrWhiteSpace(env))
            {
                values[c.Name] = (env.Trim(), c.EnvVar);
            }
            else if (c.Default is not null)
            {
                values[c.Name] = (c.Default, "default");
            }
            else if (c.Required)
            {
                missing.Add(c);
            }
        }

        var apiUrl = new Uri(BuildkiteClientOptions.DefaultApiUrl);
        if (values.TryGetValue(PortalProperties.ConfigApiUrl, out var url))
        {
            if (ValidateApiUrl(url.Value, url.Source, out var parsed) is { } urlError)
            {
                failures.Add(new CheckFailure(PortalProperties.ConfigApiUrl, urlError));
            }
            else
            {
                apiUrl = parsed!;
            }
        }

        var maxRetries = BuildkiteClientOptions.DefaultMaxRetries;
        if (values.TryGetValue(PortalProperties.ConfigMaxRetries, out var retries))
        {
            if (!int.TryParse(retries.Value, NumberStyles.None, CultureInfo.InvariantCulture, out maxRetries) || maxRetries > MaxRetriesLimit)
            {
                failures.Add(new CheckFailure(PortalProperties.ConfigMaxRetries, $"{retries.Source} must be a whole number from 0 to {MaxRetriesLimit}, not \"{retries.Value}\""));
            }
        }

        if (values.TryGetValue(PortalProperties.ConfigOrganization, out var org) && org.Value.Any(ch => char.IsWhiteSpace(ch) || ch == '/'))
        {
            failures.Add(new CheckFailure(PortalProperties.ConfigOrganization, $"{org.Source} must be an organization slug (for example \"acme-inc\"), not \"{org.Value}\""));
        }

        if (unknown || failures.Count > 0 || missing.Count > 0)
        {
            return new ConfigResolution(null, failures.ToImmutable(), missing.ToImmutable(), unknown);
        }

        var options = new BuildkiteClientOptions
        {
            ApiToken = values[PortalProperties.ConfigApiToken].Value,
            Organization = values[PortalProperties.ConfigOrganization].Value,
            ApiUrl = apiUrl,
            MaxRetries = maxRetries,
        };
        return new ConfigResolution(options, [], [], false);
    }

    /// <summary>The message for a missing required key: names the config key and the environment variable.</summary>
    public static string MissingMessage(ConfigProperty c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return $"missing required configuration {KeyPrefix}{c.Name}: set it with `pulumi config set {KeyPrefix}{c.Name}{(c.Secret ? " --secret" : string.Empty)} <value>` or set the {c.EnvVar} environment variable";
    }

    /// <summary>https, or http for loopback hosts only (a token must never cross a network in plain text).</summary>
    private static string? ValidateApiUrl(string value, string source, out Uri? uri)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(uri.Host))
        {
            uri = null;
            return $"{source} must be an absolute https:// URL (for example https://api.buildkite.com), not \"{value}\"";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            uri = null;
            return $"{source} \"{value}\" uses plain http:// for a non-loopback host; use https:// (plain http:// is allowed only for localhost, 127.0.0.1 or ::1)";
        }

        return null;
    }
}
