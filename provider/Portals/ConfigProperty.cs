namespace PortalsProvider.Portals;

/// <summary>One provider configuration key (<c>buildkite-portals:&lt;Name&gt;</c>).</summary>
/// <param name="Name">The key without the package prefix.</param>
/// <param name="Kind">String or Integer.</param>
/// <param name="EnvVar">The environment variable consulted when the key is not set, or null.</param>
/// <param name="Default">The value used when neither is set, or null (required or no default).</param>
/// <param name="Required">Configure fails when neither config nor env var gives a value.</param>
/// <param name="Secret">A secret value (never echoed in plain text).</param>
/// <param name="Description">User documentation.</param>
internal sealed record ConfigProperty(
    string Name,
    PropertyKind Kind,
    string? EnvVar,
    string? Default,
    bool Required,
    bool Secret,
    string Description);
