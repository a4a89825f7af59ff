using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PortalsProvider.Tests.Sdk;

/// <summary>
/// The C# SDK's sources as Roslyn syntax trees, with the few queries the schema comparison needs. Parsing (not
/// compiling) is deliberate: the Pulumi package the SDK references cannot be restored in this build environment.
/// </summary>
internal sealed partial class SdkSources
{
    private SdkSources(IReadOnlyList<SyntaxTree> trees)
    {
        Trees = trees;
        Classes = trees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            .Where(c => c.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax)
            .ToList();
    }

    public IReadOnlyList<SyntaxTree> Trees { get; }

    /// <summary>Top-level classes (nested helper classes such as Config's <c>__Value</c> are excluded).</summary>
    public IReadOnlyList<ClassDeclarationSyntax> Classes { get; }

    public static SdkSources FromDirectory(string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(directory, f)))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(f)));
        return FromTexts(files);
    }

    public static SdkSources FromTexts(IEnumerable<(string Path, string Text)> files) =>
        new(files.Select(f => CSharpSyntaxTree.ParseText(f.Text, path: f.Path)).ToList());

    public ClassDeclarationSyntax? FindClass(string @namespace, string name) =>
        Classes.FirstOrDefault(c => c.Identifier.Text == name && NamespaceOf(c) == @namespace);

    public static string NamespaceOf(SyntaxNode node) =>
        node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString() ?? "";

    /// <summary>The type as written, without whitespace, e.g. <c>Output&lt;ImmutableArray&lt;string&gt;&gt;</c>.</summary>
    public static string TypeText(TypeSyntax type) => Whitespace().Replace(type.ToString(), "");

    /// <summary>
    /// The text of the member's XML <c>&lt;summary&gt;</c>, entity-decoded, each line trimmed; null without one.
    /// </summary>
    public static string? Summary(SyntaxNode member)
    {
        var trivia = member.GetLeadingTrivia()
            .Select(t => t.GetStructure())
            .OfType<DocumentationCommentTriviaSyntax>()
            .LastOrDefault();
        if (trivia is null)
        {
            return null;
        }
        var lines = trivia.ToFullString().Split('\n')
            .Select(l => l.Trim())
            .Select(l => l.StartsWith("///", StringComparison.Ordinal) ? l[3..] : l);
        var xml = XElement.Parse("<doc>" + string.Join("\n", lines) + "</doc>", LoadOptions.PreserveWhitespace);
        var summary = xml.Element("summary");
        return summary is null ? null : NormalizeDoc(summary.Value);
    }

    /// <summary>Trims every line and the whole text, so schema descriptions and XML docs compare as prose.</summary>
    public static string NormalizeDoc(string text) =>
        string.Join("\n", text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim())).Trim();

    /// <summary>The attribute with the given simple name (with or without the Attribute suffix), if present.</summary>
    public static AttributeSyntax? FindAttribute(MemberDeclarationSyntax member, string name) =>
        member.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a =>
        {
            var simple = a.Name is QualifiedNameSyntax q ? q.Right.Identifier.Text : a.Name.ToString();
            return simple == name || simple == name + "Attribute";
        });

    /// <summary>The first positional argument of an attribute, when it is a string literal.</summary>
    public static string? FirstStringArgument(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments
            .Where(a => a.NameColon is null && a.NameEquals is null)
            .Select(a => a.Expression)
            .OfType<LiteralExpressionSyntax>()
            .FirstOrDefault()?.Token.ValueText;

    /// <summary>Whether a named boolean argument (<c>required: true</c>) is set to the literal <c>true</c>.</summary>
    public static bool NamedFlag(AttributeSyntax attribute, string name) =>
        attribute.ArgumentList?.Arguments.Any(a =>
            a.NameColon?.Name.Identifier.Text == name && a.Expression.IsKind(SyntaxKind.TrueLiteralExpression)) ?? false;

    public static IEnumerable<string> StringLiterals(SyntaxNode node) =>
        node.DescendantNodes().OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression))
            .Select(l => l.Token.ValueText);

    private static bool IsBuildOutput(string relativePath)
    {
        var first = relativePath.Split(Path.DirectorySeparatorChar)[0];
        return first is "obj" or "bin";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
