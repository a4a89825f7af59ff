using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PortalsProvider.Terraform;

/// <summary>
/// go-plugin's AutoMTLS: the client passes its certificate in <c>PLUGIN_CLIENT_CERT</c>, the plugin answers
/// with a fresh self-signed certificate in the handshake line, and each side trusts exactly the other's.
/// </summary>
internal static class AutoMtls
{
    /// <summary>
    /// A self-signed ECDSA P-521 certificate for "localhost" that is its own CA: the client uses it both as the
    /// root to verify the server and checks the name "localhost" (go-plugin sets ServerName to it).
    /// </summary>
    public static X509Certificate2 CreateServerCertificate(TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP521);
        var request = new CertificateRequest("CN=localhost, O=PortalsProvider", key, HashAlgorithmName.SHA512);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());

        var now = time.GetUtcNow();
        using var ephemeral = request.CreateSelfSigned(now.AddSeconds(-30), now.AddYears(30));

        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), password: null);
    }

    /// <summary>The client certificate from <c>PLUGIN_CLIENT_CERT</c>, or null when AutoMTLS is off.</summary>
    public static X509Certificate2? ParseClientCertificate(string? pem) =>
        string.IsNullOrWhiteSpace(pem) ? null : X509Certificate2.CreateFromPem(pem);

    /// <summary>Pins the client: only the exact certificate Terraform announced is accepted.</summary>
    public static bool IsExpectedClient(X509Certificate2? presented, X509Certificate2 expected) =>
        presented is not null && presented.RawData.AsSpan().SequenceEqual(expected.RawData);
}
