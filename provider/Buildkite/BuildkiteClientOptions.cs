namespace PortalsProvider.Buildkite;

/// <summary>Settings of one configured client (one organization, one token).</summary>
internal sealed record BuildkiteClientOptions
{
    public const string DefaultApiUrl = "https://api.buildkite.com";

    /// <summary>Retries of 429 / 5xx / transport faults; the contract's <c>maxRetries</c> default.</summary>
    public const int DefaultMaxRetries = 10;

    /// <summary>Bound on one operation, all attempts and waits included, when the caller gives none.</summary>
    public static readonly TimeSpan DefaultOperationTimeout = TimeSpan.FromMinutes(5);

    public required string ApiToken { get; init; }

    public required string Organization { get; init; }

    /// <summary>Base URL; plain <c>http://</c> is accepted only for loopback hosts.</summary>
    public Uri ApiUrl { get; init; } = new(DefaultApiUrl);

    public int MaxRetries { get; init; } = DefaultMaxRetries;

    public TimeSpan OperationTimeout { get; init; } = DefaultOperationTimeout;

    /// <summary>Product token for <c>User-Agent</c>: <c>pulumi-resource-buildkite-portals/&lt;version&gt;</c> by default.</summary>
    public string UserAgent { get; init; } = $"{ProviderInfo.PluginBinaryName}/{ProviderInfo.Version}";

    /// <summary>Keeps the token out of logs and debugger views.</summary>
    public override string ToString() =>
        $"BuildkiteClientOptions {{ Organization = {Organization}, ApiUrl = {ApiUrl}, MaxRetries = {MaxRetries}, OperationTimeout = {OperationTimeout} }}";
}
