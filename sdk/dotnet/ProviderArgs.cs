using Pulumi.Serialization;

namespace Pulumi.BuildkitePortals;

/// <summary>
/// The set of arguments for constructing a <see cref="Provider"/> resource.
/// </summary>
public sealed class ProviderArgs : global::Pulumi.ResourceArgs
{
    [Input("apiToken")]
    private Input<string>? _apiToken;

    /// <summary>
    /// A Buildkite API access token with the `read_portals` and `write_portals` scopes. Falls back to `BUILDKITE_API_TOKEN`.
    /// </summary>
    public Input<string>? ApiToken
    {
        get => _apiToken;
        set
        {
            var emptySecret = Output.CreateSecret(0);
            _apiToken = Output.Tuple<Input<string>?, int>(value, emptySecret).Apply(t => t.Item1);
        }
    }

    /// <summary>
    /// The Buildkite REST API base URL. Falls back to `BUILDKITE_REST_URL`, then `https://api.buildkite.com`. Plain `http://` is accepted only for loopback hosts.
    /// </summary>
    [Input("apiUrl")]
    public Input<string>? ApiUrl { get; set; }

    /// <summary>
    /// How many times a request is retried after a rate limit (429), a server error (5xx) or a transport fault. Defaults to 10.
    /// </summary>
    [Input("maxRetries", json: true)]
    public Input<int>? MaxRetries { get; set; }

    /// <summary>
    /// The slug of the Buildkite organization that owns the portals. Falls back to `BUILDKITE_ORGANIZATION_SLUG`.
    /// </summary>
    [Input("organization")]
    public Input<string>? Organization { get; set; }

    /// <summary>
    /// Creates an empty set of arguments. Unset values fall back to the stack configuration, then to the
    /// environment variables the provider documents.
    /// </summary>
    public ProviderArgs()
    {
    }

    /// <summary>An empty set of arguments.</summary>
    public static new ProviderArgs Empty => new ProviderArgs();
}
