using PortalsProvider.Terraform.Protocol;

namespace PortalsProvider.Terraform;

/// <summary>Builders for tfplugin6 diagnostics.</summary>
internal static class Diagnostics
{
    public static Diagnostic Error(string summary, string detail = "", string? attribute = null) =>
        New(Diagnostic.Types.Severity.Error, summary, detail, attribute);

    public static Diagnostic Warning(string summary, string detail = "", string? attribute = null) =>
        New(Diagnostic.Types.Severity.Warning, summary, detail, attribute);

    /// <summary>An attribute path such as <c>allowed_ip_addresses</c> (sets have no index Terraform could show).</summary>
    public static AttributePath Path(string attribute)
    {
        var path = new AttributePath();
        path.Steps.Add(new AttributePath.Types.Step { AttributeName = attribute });
        return path;
    }

    private static Diagnostic New(Diagnostic.Types.Severity severity, string summary, string detail, string? attribute)
    {
        var diagnostic = new Diagnostic { Severity = severity, Summary = summary, Detail = detail };
        if (attribute is not null)
        {
            diagnostic.Attribute = Path(attribute);
        }

        return diagnostic;
    }
}
