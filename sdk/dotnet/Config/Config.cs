namespace Pulumi.BuildkitePortals;

/// <summary>
/// The package-wide configuration (<c>buildkite-portals:*</c> keys of the stack configuration).
/// </summary>
public static class Config
{
    [global::System.Diagnostics.CodeAnalysis.SuppressMessage("Microsoft.Design", "IDE1006", Justification =
        "Double underscore prefix used to avoid conflicts with variable names.")]
    private sealed class __Value<T>
    {
        private readonly global::System.Func<T> _getter;
        private T _value = default!;
        private bool _set;

        public __Value(global::System.Func<T> getter)
        {
            _getter = getter;
        }

        public T Get() => _set ? _value : _getter();

        public void Set(T value)
        {
            _value = value;
            _set = true;
        }
    }

    private static readonly global::Pulumi.Config __config = new global::Pulumi.Config("buildkite-portals");

    private static readonly __Value<string?> _apiToken = new __Value<string?>(() => __config.Get("apiToken"));

    /// <summary>
    /// A Buildkite API access token with the `read_portals` and `write_portals` scopes. Falls back to `BUILDKITE_API_TOKEN`.
    /// </summary>
    public static string? ApiToken
    {
        get => _apiToken.Get();
        set => _apiToken.Set(value);
    }

    private static readonly __Value<string?> _apiUrl = new __Value<string?>(() => __config.Get("apiUrl"));

    /// <summary>
    /// The Buildkite REST API base URL. Falls back to `BUILDKITE_REST_URL`, then `https://api.buildkite.com`. Plain `http://` is accepted only for loopback hosts.
    /// </summary>
    public static string? ApiUrl
    {
        get => _apiUrl.Get();
        set => _apiUrl.Set(value);
    }

    private static readonly __Value<int?> _maxRetries = new __Value<int?>(() => __config.GetInt32("maxRetries"));

    /// <summary>
    /// How many times a request is retried after a rate limit (429), a server error (5xx) or a transport fault. Defaults to 10.
    /// </summary>
    public static int? MaxRetries
    {
        get => _maxRetries.Get();
        set => _maxRetries.Set(value);
    }

    private static readonly __Value<string?> _organization = new __Value<string?>(() => __config.Get("organization"));

    /// <summary>
    /// The slug of the Buildkite organization that owns the portals. Falls back to `BUILDKITE_ORGANIZATION_SLUG`.
    /// </summary>
    public static string? Organization
    {
        get => _organization.Get();
        set => _organization.Set(value);
    }
}
