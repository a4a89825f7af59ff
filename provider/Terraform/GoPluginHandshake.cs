using System.Globalization;

namespace PortalsProvider.Terraform;

/// <summary>
/// The go-plugin handshake as Terraform runs it: the magic cookie, protocol negotiation and the single
/// handshake line on stdout (<c>CORE|APP|NETWORK|ADDRESS|grpc|CERT</c>).
/// </summary>
internal static class GoPluginHandshake
{
    public const string CookieKey = "TF_PLUGIN_MAGIC_COOKIE";

    /// <summary>Terraform's fixed cookie value ("should never be changed" upstream).</summary>
    public const string CookieValue = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

    public const string ProtocolVersionsKey = "PLUGIN_PROTOCOL_VERSIONS";
    public const string ClientCertKey = "PLUGIN_CLIENT_CERT";
    public const string UnixSocketDirKey = "PLUGIN_UNIX_SOCKET_DIR";
    public const int CoreProtocolVersion = 1;
    public const int AppProtocolVersion = 6;

    /// <summary>What a person who runs the binary by hand sees (go-plugin's wording, plus what to do instead).</summary>
    public const string NotAPluginMessage =
        "This binary is a plugin. These are not meant to be executed directly.\n" +
        "Please execute the program that consumes these plugins, which will load any plugins automatically.\n" +
        "(terraform-provider-portals is the Terraform provider for Buildkite Portals: reference it as source " +
        "\"buildkite/portals\" in a Terraform configuration.)";

    public static bool HasValidCookie(Func<string, string?> environment) =>
        string.Equals(environment(CookieKey), CookieValue, StringComparison.Ordinal);

    /// <summary>
    /// Picks protocol 6 from the client's list (e.g. <c>"5,6"</c>, in any order). Null when the client offers
    /// versions but not 6. When the variable is absent (an old client), 6 is assumed, as go-plugin does with its
    /// default version.
    /// </summary>
    public static int? NegotiateProtocol(string? offered)
    {
        if (string.IsNullOrWhiteSpace(offered))
        {
            return AppProtocolVersion;
        }

        foreach (var part in offered.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version == AppProtocolVersion)
            {
                return AppProtocolVersion;
            }
        }

        return null;
    }

    /// <summary>
    /// The handshake line. The certificate is the raw DER, base64 with the standard alphabet and no padding:
    /// go-plugin decodes it with RawStdEncoding and rejects "=".
    /// </summary>
    public static string FormatLine(string network, string address, ReadOnlySpan<byte> serverCertificateDer)
    {
        var cert = serverCertificateDer.IsEmpty ? string.Empty : Convert.ToBase64String(serverCertificateDer).TrimEnd('=');
        return string.Create(CultureInfo.InvariantCulture,
            $"{CoreProtocolVersion}|{AppProtocolVersion}|{network}|{address}|grpc|{cert}");
    }
}
