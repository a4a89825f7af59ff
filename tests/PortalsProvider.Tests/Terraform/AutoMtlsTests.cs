using System.Security.Cryptography.X509Certificates;
using PortalsProvider.Terraform;

namespace PortalsProvider.Tests.Terraform;

public sealed class AutoMtlsTests
{
    [Fact]
    public void CreateServerCertificate_IsItsOwnCaForLocalhostWithKey()
    {
        using var cert = AutoMtls.CreateServerCertificate(TimeProvider.System);

        Assert.True(cert.HasPrivateKey);
        Assert.True(cert.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.Contains("localhost", cert.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames());
        Assert.Contains(cert.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>(),
            o => o.Value == "1.3.6.1.5.5.7.3.1");
        using var key = cert.GetECDsaPublicKey();
        Assert.Equal(521, key!.KeySize);
    }

    [Fact]
    public void IsExpectedClient_PinsTheAnnouncedCertificate()
    {
        using var announced = AutoMtls.CreateServerCertificate(TimeProvider.System);
        using var other = AutoMtls.CreateServerCertificate(TimeProvider.System);
        using var parsed = AutoMtls.ParseClientCertificate(announced.ExportCertificatePem())!;

        Assert.True(AutoMtls.IsExpectedClient(announced, parsed));
        Assert.False(AutoMtls.IsExpectedClient(other, parsed));
        Assert.False(AutoMtls.IsExpectedClient(null, parsed));
    }

    [Fact]
    public void ParseClientCertificate_Absent_IsNull() => Assert.Null(AutoMtls.ParseClientCertificate(null));
}
