using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PortalsProvider.Tests.Sdk;

/// <summary>
/// Compiles the SDK and the C# example in memory against <c>PulumiApiStub.cs.txt</c>, a stand-in for the members
/// of the Pulumi package they use (the package cannot be restored here). The schema test only parses; this catches
/// what parsing cannot: misspelt types, missing usings, nullability errors, malformed XML docs.
/// </summary>
public sealed class SdkCompilationTests
{
    // Reported by the real build as warnings that do not matter for a library users compile: none are allowed except
    // "missing XML comment" for members the schema has no description for (constructors, Empty).
    private static readonly HashSet<string> s_ignored = ["CS1591"];

    [Fact]
    public void Sdk_CompilesAgainstPulumiApi_WithoutErrorsOrWarnings()
    {
        var diagnostics = Compile(OutputKind.DynamicallyLinkedLibrary, SdkFiles());

        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public void CSharpExample_CompilesAgainstSdkAndPulumiApi_WithoutErrorsOrWarnings()
    {
        var files = SdkFiles().Append(RepoPaths.Of("examples", "csharp", "Program.cs"));

        var diagnostics = Compile(OutputKind.ConsoleApplication, files, implicitUsings: true);

        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public void Compile_MalformedDocComment_IsReported()
    {
        // The check must be able to fail: an unescaped '<' in a description is what a careless copy would produce.
        var portal = RepoPaths.Of("sdk", "dotnet", "Portal.cs");
        var broken = File.ReadAllText(portal).Replace("&lt;urn&gt;", "<urn>", StringComparison.Ordinal);
        var files = SdkFiles().Where(f => f != portal);

        var diagnostics = Compile(OutputKind.DynamicallyLinkedLibrary, files, extraSources: [(portal, broken)]);

        Assert.Contains(diagnostics, d => d.Id == "CS1570");
    }

    private static IEnumerable<string> SdkFiles()
    {
        var directory = RepoPaths.Of("sdk", "dotnet");
        return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetRelativePath(directory, f).Split(Path.DirectorySeparatorChar)[0] is not ("obj" or "bin"));
    }

    private static List<Diagnostic> Compile(OutputKind kind, IEnumerable<string> files, bool implicitUsings = false,
        IEnumerable<(string Path, string Text)>? extraSources = null)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var sources = files.Select(f => (f, File.ReadAllText(f)))
            .Concat(extraSources ?? [])
            .Append((RepoPaths.Of("tests", "PortalsProvider.Tests", "Sdk", "PulumiApiStub.cs.txt"),
                File.ReadAllText(RepoPaths.Of("tests", "PortalsProvider.Tests", "Sdk", "PulumiApiStub.cs.txt"))));
        if (implicitUsings)
        {
            // What <ImplicitUsings>enable</ImplicitUsings> adds to a console project.
            sources = sources.Append(("ImplicitUsings.cs", """
                global using System;
                global using System.Collections.Generic;
                global using System.IO;
                global using System.Linq;
                global using System.Net.Http;
                global using System.Threading;
                global using System.Threading.Tasks;
                """));
        }
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Item2, parse, s.Item1)).ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var options = new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable);
        var compilation = CSharpCompilation.Create("Pulumi.BuildkitePortals", trees, references, options);
        return compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !s_ignored.Contains(d.Id))
            .ToList();
    }
}
