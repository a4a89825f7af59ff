using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PortalsProvider.Tests.Sdk;

/// <summary>
/// Compares the hand-written C# SDK (as syntax trees) with the provider's Pulumi package schema, the way Pulumi's
/// .NET code generator would map one onto the other, and lists every difference in both directions: a schema
/// property without its C# member, a C# member the schema does not have, a wrong C# type, requiredness, secret
/// handling, <c>json:</c> flag or XML doc, a wrong token, and the version resource.
/// </summary>
internal sealed class SdkSchemaComparer
{
    private readonly JsonObject _schema;
    private readonly SdkSources _sdk;
    private readonly List<SchemaMismatch> _mismatches = [];
    private readonly HashSet<ClassDeclarationSyntax> _expectedClasses = [];
    private readonly string _package;
    private readonly string _namespace;
    private readonly string _attribute;
    private readonly HashSet<string> _resourceOutputTypes;
    private readonly HashSet<string> _resourceInputTypes;
    private string _group = "package";

    private SdkSchemaComparer(JsonObject schema, SdkSources sdk)
    {
        _schema = schema;
        _sdk = sdk;
        _package = Str(schema, "name") ?? "";
        var csharp = schema["language"]?["csharp"] as JsonObject;
        var root = Str(csharp, "rootNamespace") ?? "Pulumi";
        var packageNamespace = Str(csharp?["namespaces"] as JsonObject, _package) ?? PascalPackage(_package);
        _namespace = root + "." + packageNamespace;
        _attribute = PascalPackage(_package) + "ResourceType";

        var resources = Objects(schema["resources"]).Select(r => r.Value).ToList();
        _resourceOutputTypes = Closure(resources.SelectMany(r => Refs(r["properties"] as JsonObject)));
        _resourceInputTypes = Closure(resources.SelectMany(r => Refs(r["inputProperties"] as JsonObject)));
    }

    /// <summary>Every difference between the SDK and the schema; empty when they agree.</summary>
    public static IReadOnlyList<SchemaMismatch> Compare(JsonObject schema, SdkSources sdk)
    {
        var comparer = new SdkSchemaComparer(schema, sdk);
        comparer.Run();
        return comparer._mismatches;
    }

    /// <summary>
    /// The groups the schema defines, as used in <see cref="SchemaMismatch.Group"/>: <c>package</c>, one per resource
    /// (<c>resource Portal</c>), <c>provider</c>, <c>config</c>, one per object type and one per function. Lets a test
    /// report each schema entry on its own.
    /// </summary>
    public static IReadOnlyList<string> Groups(JsonObject schema)
    {
        var groups = new List<string> { "package" };
        groups.AddRange(Objects(schema["resources"]).Select(r => "resource " + TokenName(r.Key)));
        if (schema["provider"] is JsonObject)
        {
            groups.Add("provider");
        }
        if (Objects(schema["config"]?["variables"]).Any())
        {
            groups.Add("config");
        }
        groups.AddRange(Objects(schema["types"]).Select(t => "type " + TokenName(t.Key)));
        groups.AddRange(Objects(schema["functions"]).Select(f => "function " + TokenName(f.Key)));
        return groups;
    }

    private void Run()
    {
        _group = "package";
        ComparePackage();
        foreach (var (token, resource) in Objects(_schema["resources"]))
        {
            _group = "resource " + TokenName(token);
            CompareResource(token, resource);
        }
        _group = "provider";
        CompareProvider();
        _group = "config";
        CompareConfig();
        CompareTypes();
        foreach (var (token, function) in Objects(_schema["functions"]))
        {
            _group = "function " + TokenName(token);
            CompareFunction(token, function);
        }
        _group = "package";
        ReportUnexpectedClasses();
    }

    private void ComparePackage()
    {
        var utilities = Class(_namespace, "Utilities", "package");
        if (utilities != null && !SdkSources.StringLiterals(utilities).Contains(_namespace + ".version.txt"))
        {
            Add("package", $"Utilities must read the embedded resource \"{_namespace}.version.txt\"");
        }
        var attribute = Class(_namespace, _attribute + "Attribute", "package");
        if (attribute != null)
        {
            if (BaseTypeText(attribute) != "global::Pulumi.ResourceTypeAttribute")
            {
                Add("package", $"{_attribute}Attribute must derive from global::Pulumi.ResourceTypeAttribute");
            }
            if (!attribute.ToString().Contains("base(type, Utilities.Version)", StringComparison.Ordinal))
            {
                Add("package", $"{_attribute}Attribute must pass Utilities.Version to its base");
            }
        }
    }

    private void CompareResource(string token, JsonObject resource)
    {
        var name = TokenName(token);
        var properties = Objects(resource["properties"]).ToList();
        var required = Set(resource["required"]);
        var inputs = Objects(resource["inputProperties"]).ToList();
        var requiredInputs = Set(resource["requiredInputs"]);
        // Without stateInputs the SDK's state class mirrors every output (what Get(name, id, state) can qualify).
        var state = resource["stateInputs"] is JsonObject stateInputs ? Objects(stateInputs["properties"]).ToList() : properties;

        var cls = Class(_namespace, name, name);
        if (cls != null)
        {
            CompareClassHeader(cls, name, token, "global::Pulumi.CustomResource", Str(resource, "description"));
            CompareBaseCalls(cls, name, token);
            var argsType = requiredInputs.Count == 0 ? $"{name}Args?" : $"{name}Args";
            RequireMethod(cls, name, name, [("string", "name"), (argsType, "args"), ("CustomResourceOptions?", "options")]);
            RequireMethod(cls, name, "Get",
                [("string", "name"), ("Input<string>", "id"), ($"{name}State?", "state"), ("CustomResourceOptions?", "options")]);
            CompareSecretOutputs(cls, name, properties);
            CompareOutputs(cls, name, properties, required);
        }

        var args = Class(_namespace, name + "Args", name + "Args");
        if (args != null)
        {
            CompareInputs(args, name + "Args", inputs, requiredInputs, InputFlavor.Args, json: false);
        }
        var stateClass = Class(_namespace, name + "State", name + "State");
        if (stateClass != null)
        {
            CompareInputs(stateClass, name + "State", state, [], InputFlavor.State, json: false);
        }
    }

    private void CompareProvider()
    {
        if (_schema["provider"] is not JsonObject provider)
        {
            return;
        }
        var token = "pulumi:providers:" + _package;
        var cls = Class(_namespace, "Provider", "Provider");
        if (cls != null)
        {
            CompareClassHeader(cls, "Provider", token, "global::Pulumi.ProviderResource", Str(provider, "description"));
            CompareBaseCalls(cls, "Provider", _package);
            // Pulumi's codegen exposes only string-typed provider properties as outputs.
            var outputs = Objects(provider["properties"]).Where(p => Str(p.Value, "type") == "string").ToList();
            CompareSecretOutputs(cls, "Provider", outputs);
            CompareOutputs(cls, "Provider", outputs, Set(provider["required"]));
        }
        var args = Class(_namespace, "ProviderArgs", "ProviderArgs");
        if (args != null)
        {
            CompareInputs(args, "ProviderArgs", Objects(provider["inputProperties"]).ToList(), Set(provider["requiredInputs"]),
                InputFlavor.Args, json: true);
        }
    }

    private void CompareConfig()
    {
        var variables = Objects(_schema["config"]?["variables"]).ToList();
        if (variables.Count == 0)
        {
            return;
        }
        var cls = Class(_namespace, "Config", "Config");
        if (cls == null)
        {
            return;
        }
        if (!SdkSources.StringLiterals(cls).Contains(_package))
        {
            Add("Config", $"must read the \"{_package}\" configuration namespace (new global::Pulumi.Config(\"{_package}\"))");
        }
        var statics = cls.Members.OfType<PropertyDeclarationSyntax>()
            .Where(p => p.Modifiers.Any(SyntaxKind.PublicKeyword) && p.Modifiers.Any(SyntaxKind.StaticKeyword))
            .ToDictionary(p => p.Identifier.Text, StringComparer.Ordinal);
        foreach (var (key, spec) in variables)
        {
            var subject = "Config." + key;
            var scalar = Scalar(spec);
            if (scalar == null)
            {
                Add(subject, $"unsupported config type {spec.ToJsonString()}");
                continue;
            }
            if (!statics.Remove(Pascal(key), out var property))
            {
                Add(subject, $"missing: public static {scalar}? {Pascal(key)} in Config");
                continue;
            }
            ExpectType(subject, scalar + "?", property.Type);
            ExpectDoc(subject, spec, property);
            var getter = Str(spec, "type") switch
            {
                "integer" => "GetInt32",
                "boolean" => "GetBoolean",
                "number" => "GetDouble",
                _ => "Get",
            };
            var expectedCall = $"__config.{getter}(\"{key}\")";
            var field = cls.Members.OfType<FieldDeclarationSyntax>()
                .SelectMany(f => f.Declaration.Variables)
                .FirstOrDefault(v => v.Identifier.Text == "_" + key);
            if (field?.Initializer is null || !field.Initializer.ToString().Contains(expectedCall, StringComparison.Ordinal))
            {
                Add(subject, $"the value of {Pascal(key)} must come from {expectedCall} (field _{key})");
            }
        }
        foreach (var extra in statics.Keys)
        {
            Add("Config." + extra, "Config has a property the schema's config does not define");
        }
    }

    private void CompareTypes()
    {
        foreach (var (token, type) in Objects(_schema["types"]))
        {
            var name = TokenName(token);
            _group = "type " + name;
            if (Str(type, "type") != "object")
            {
                Add(name, "only object types are supported by this comparison");
                continue;
            }
            var properties = Objects(type["properties"]).ToList();
            var required = Set(type["required"]);
            var outputClass = OutputTypeName(token);
            var cls = Class(_namespace + ".Outputs", outputClass, name);
            if (cls != null)
            {
                CompareOutputType(cls, name, outputClass, properties, required, Str(type, "description"));
            }
            if (_resourceOutputTypes.Contains(token))
            {
                var getArgs = Class(_namespace + ".Inputs", name + "GetArgs", name);
                if (getArgs != null)
                {
                    CompareInputs(getArgs, name + "GetArgs", properties, [], InputFlavor.State, json: false);
                }
            }
            if (_resourceInputTypes.Contains(token))
            {
                var args = Class(_namespace + ".Inputs", name + "Args", name);
                if (args != null)
                {
                    CompareInputs(args, name + "Args", properties, required, InputFlavor.Args, json: false);
                }
            }
        }
    }

    private void CompareFunction(string token, JsonObject function)
    {
        var name = Pascal(TokenName(token));
        var cls = Class(_namespace, name, name);
        if (cls != null)
        {
            ExpectDoc(name, function, cls);
            foreach (var method in new[] { "InvokeAsync", "Invoke" })
            {
                var declaration = cls.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.Text == method);
                if (declaration == null)
                {
                    Add(name, $"missing: static method {name}.{method}");
                }
                else if (!SdkSources.StringLiterals(declaration).Contains(token))
                {
                    Add(name, $"{name}.{method} must invoke \"{token}\"");
                }
            }
        }
        var inputs = Objects(function["inputs"]?["properties"]).ToList();
        var requiredInputs = Set(function["inputs"]?["required"]);
        var args = Class(_namespace, name + "Args", name);
        if (args != null)
        {
            CompareInputs(args, name + "Args", inputs, requiredInputs, InputFlavor.Plain, json: false);
        }
        var invokeArgs = Class(_namespace, name + "InvokeArgs", name);
        if (invokeArgs != null)
        {
            CompareInputs(invokeArgs, name + "InvokeArgs", inputs, requiredInputs, InputFlavor.Args, json: false);
        }
        var result = Class(_namespace, name + "Result", name);
        if (result != null && function["outputs"] is JsonObject outputs)
        {
            CompareOutputType(result, name, name + "Result", Objects(outputs["properties"]).ToList(), Set(outputs["required"]), null);
        }
    }

    private void CompareClassHeader(ClassDeclarationSyntax cls, string subject, string token, string baseType, string? description)
    {
        var attribute = SdkSources.FindAttribute(cls, _attribute);
        var actualToken = attribute == null ? null : SdkSources.FirstStringArgument(attribute);
        if (actualToken != token)
        {
            Add(subject, $"expected [{_attribute}(\"{token}\")], found {(attribute == null ? "none" : attribute.ToString())}");
        }
        if (BaseTypeText(cls) != baseType)
        {
            Add(subject, $"expected base type {baseType}, found {BaseTypeText(cls) ?? "none"}");
        }
        if (description != null)
        {
            ExpectDoc(subject, description, cls);
        }
    }

    private void CompareBaseCalls(ClassDeclarationSyntax cls, string subject, string expectedFirstArgument)
    {
        foreach (var ctor in cls.Members.OfType<ConstructorDeclarationSyntax>())
        {
            var first = ctor.Initializer?.ArgumentList.Arguments.FirstOrDefault()?.Expression as LiteralExpressionSyntax;
            if (first?.Token.ValueText != expectedFirstArgument)
            {
                Add(subject, $"constructor {ctor.ParameterList} must call base(\"{expectedFirstArgument}\", …)");
            }
        }
    }

    private void RequireMethod(ClassDeclarationSyntax cls, string subject, string name, (string Type, string Name)[] parameters)
    {
        var expected = string.Join(", ", parameters.Select(p => $"{p.Type} {p.Name}"));
        var found = cls.Members.OfType<BaseMethodDeclarationSyntax>()
            .Where(m => m.Modifiers.Any(SyntaxKind.PublicKeyword))
            .Where(m => m is ConstructorDeclarationSyntax c ? c.Identifier.Text == name : m is MethodDeclarationSyntax md && md.Identifier.Text == name)
            .Any(m => string.Join(", ", m.ParameterList.Parameters.Select(p => $"{SdkSources.TypeText(p.Type!)} {p.Identifier.Text}")) == expected);
        if (!found)
        {
            Add(subject, $"missing: public {name}({expected})");
        }
    }

    private void CompareSecretOutputs(ClassDeclarationSyntax cls, string subject, List<KeyValuePair<string, JsonObject>> properties)
    {
        var expected = properties.Where(p => IsSecret(p.Value)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var assignment = cls.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(a => a.Left.ToString() == "AdditionalSecretOutputs");
        var actual = assignment == null
            ? []
            : SdkSources.StringLiterals(assignment.Right).Order(StringComparer.Ordinal).ToList();
        if (!expected.SequenceEqual(actual))
        {
            Add(subject, $"AdditionalSecretOutputs must be {{ {string.Join(", ", expected)} }}, found {{ {string.Join(", ", actual)} }}");
        }
    }

    private void CompareOutputs(ClassDeclarationSyntax cls, string className, List<KeyValuePair<string, JsonObject>> properties, HashSet<string> required)
    {
        var members = cls.Members.OfType<PropertyDeclarationSyntax>()
            .Select(p => (Property: p, Attribute: SdkSources.FindAttribute(p, "Output")))
            .Where(p => p.Attribute != null)
            .ToList();
        var byName = new Dictionary<string, PropertyDeclarationSyntax>(StringComparer.Ordinal);
        foreach (var (property, attribute) in members)
        {
            var schemaName = SdkSources.FirstStringArgument(attribute!) ?? "";
            if (!byName.TryAdd(schemaName, property))
            {
                Add($"{className}.{schemaName}", "declared twice");
            }
        }
        foreach (var (name, spec) in properties)
        {
            var subject = $"{className}.{name}";
            var type = OutputType(spec, required.Contains(name));
            if (type == null)
            {
                Add(subject, $"unsupported schema type {spec.ToJsonString()}");
                continue;
            }
            if (!byName.Remove(name, out var property))
            {
                Add(subject, $"missing: [Output(\"{name}\")] public Output<{type}> {Pascal(name)} in {className}");
                continue;
            }
            ExpectName(subject, name, property.Identifier.Text);
            ExpectType(subject, $"Output<{type}>", property.Type);
            ExpectDoc(subject, spec, property);
        }
        foreach (var extra in byName.Keys)
        {
            Add($"{className}.{extra}", $"[Output(\"{extra}\")] is not a property of the schema");
        }
    }

    private void CompareInputs(ClassDeclarationSyntax cls, string className, List<KeyValuePair<string, JsonObject>> properties,
        HashSet<string> required, InputFlavor flavor, bool json)
    {
        var byName = new Dictionary<string, (MemberDeclarationSyntax Member, AttributeSyntax Attribute)>(StringComparer.Ordinal);
        foreach (var member in cls.Members.Where(m => m is FieldDeclarationSyntax or PropertyDeclarationSyntax))
        {
            var attribute = SdkSources.FindAttribute(member, "Input");
            if (attribute == null)
            {
                continue;
            }
            var schemaName = SdkSources.FirstStringArgument(attribute) ?? "";
            if (!byName.TryAdd(schemaName, (member, attribute)))
            {
                Add($"{className}.{schemaName}", "declared twice");
            }
        }
        foreach (var (name, spec) in properties)
        {
            var subject = $"{className}.{name}";
            var isRequired = required.Contains(name);
            var type = InputType(spec, isRequired, flavor);
            if (type == null)
            {
                Add(subject, $"unsupported schema type {spec.ToJsonString()}");
                continue;
            }
            if (!byName.Remove(name, out var found))
            {
                Add(subject, $"missing: [Input(\"{name}\"{(isRequired ? ", required: true" : "")}{(json && NeedsJson(spec) ? ", json: true" : "")})] {type} {Pascal(name)} in {className}");
                continue;
            }
            if (SdkSources.NamedFlag(found.Attribute, "required") != isRequired)
            {
                Add(subject, isRequired ? "must be [Input(…, required: true)] (the schema requires it)" : "must not be required (the schema does not require it)");
            }
            var expectJson = json && NeedsJson(spec);
            if (SdkSources.NamedFlag(found.Attribute, "json") != expectJson)
            {
                Add(subject, expectJson ? "must be [Input(…, json: true)] (non-string provider input)" : "must not set json: true");
            }

            // A secret, or a list, lives in a private backing field; the public property is what users set and read.
            PropertyDeclarationSyntax? property;
            if (found.Member is FieldDeclarationSyntax field)
            {
                var fieldName = field.Declaration.Variables.First().Identifier.Text;
                if (fieldName != "_" + name)
                {
                    Add(subject, $"backing field must be named _{name}, found {fieldName}");
                }
                property = cls.Members.OfType<PropertyDeclarationSyntax>().FirstOrDefault(p => p.Identifier.Text == Pascal(name));
                if (property == null)
                {
                    Add(subject, $"missing: public property {Pascal(name)} over the backing field {fieldName}");
                    continue;
                }
            }
            else
            {
                property = (PropertyDeclarationSyntax)found.Member;
                ExpectName(subject, name, property.Identifier.Text);
            }
            ExpectType(subject, type, property.Type);
            ExpectDoc(subject, spec, property);

            var wrapsSecret = property.AccessorList?.Accessors
                .Any(a => a.IsKind(SyntaxKind.SetAccessorDeclaration) && a.ToString().Contains("Output.CreateSecret", StringComparison.Ordinal)) ?? false;
            var secret = IsSecret(spec) && flavor != InputFlavor.Plain;
            if (secret && (found.Member is not FieldDeclarationSyntax || !wrapsSecret))
            {
                Add(subject, "is secret in the schema: needs a private [Input] backing field whose setter wraps the value with Output.CreateSecret");
            }
            if (!secret && wrapsSecret)
            {
                Add(subject, "is not secret in the schema, but its setter wraps the value as a secret");
            }
        }
        foreach (var extra in byName.Keys)
        {
            Add($"{className}.{extra}", $"[Input(\"{extra}\")] is not a property of the schema");
        }
    }

    private void CompareOutputType(ClassDeclarationSyntax cls, string subject, string className,
        List<KeyValuePair<string, JsonObject>> properties, HashSet<string> required, string? description)
    {
        if (SdkSources.FindAttribute(cls, "OutputType") == null)
        {
            Add(subject, $"{className} must be marked [OutputType]");
        }
        if (description != null)
        {
            ExpectDoc(subject, description, cls);
        }
        var fields = cls.Members.OfType<FieldDeclarationSyntax>()
            .Where(f => f.Modifiers.Any(SyntaxKind.PublicKeyword))
            .SelectMany(f => f.Declaration.Variables.Select(v => (Field: f, Name: v.Identifier.Text)))
            .ToDictionary(f => f.Name, f => f.Field, StringComparer.Ordinal);
        var ctor = cls.Members.OfType<ConstructorDeclarationSyntax>().FirstOrDefault(c => SdkSources.FindAttribute(c, "OutputConstructor") != null);
        if (ctor == null)
        {
            Add(subject, $"{className} needs an [OutputConstructor]");
        }
        // The engine's deserializer matches constructor parameters to properties by name.
        var parameters = ctor?.ParameterList.Parameters.ToDictionary(p => p.Identifier.Text, StringComparer.Ordinal) ?? [];
        foreach (var (name, spec) in properties)
        {
            var memberSubject = $"{className}.{name}";
            var type = OutputType(spec, required.Contains(name));
            if (type == null)
            {
                Add(memberSubject, $"unsupported schema type {spec.ToJsonString()}");
                continue;
            }
            if (!fields.Remove(Pascal(name), out var field))
            {
                Add(memberSubject, $"missing: public readonly {type} {Pascal(name)} in {className}");
            }
            else
            {
                if (!field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword))
                {
                    Add(memberSubject, "must be readonly");
                }
                ExpectType(memberSubject, type, field.Declaration.Type);
                ExpectDoc(memberSubject, spec, field);
            }
            if (ctor != null)
            {
                if (!parameters.Remove(name, out var parameter))
                {
                    Add(memberSubject, $"missing: [OutputConstructor] parameter {type} {name}");
                }
                else
                {
                    ExpectType(memberSubject + " (constructor parameter)", type, parameter.Type!);
                }
            }
        }
        foreach (var extra in fields.Keys)
        {
            Add($"{className}.{extra}", "public field is not a property of the schema");
        }
        foreach (var extra in parameters.Keys)
        {
            Add($"{className}.{extra}", "constructor parameter is not a property of the schema");
        }
    }

    private void ReportUnexpectedClasses()
    {
        foreach (var cls in _sdk.Classes.Where(c => !_expectedClasses.Contains(c)))
        {
            var serialized = SdkSources.FindAttribute(cls, "OutputType") != null
                || cls.Members.Any(m => SdkSources.FindAttribute(m, "Input") != null || SdkSources.FindAttribute(m, "Output") != null);
            if (serialized)
            {
                Add(cls.Identifier.Text, "class has [Input]/[Output] members but matches nothing in the schema");
            }
        }
    }

    private ClassDeclarationSyntax? Class(string @namespace, string name, string subject)
    {
        var cls = _sdk.FindClass(@namespace, name);
        if (cls == null)
        {
            Add(subject, $"missing: class {@namespace}.{name}");
            return null;
        }
        _expectedClasses.Add(cls);
        return cls;
    }

    private void ExpectName(string subject, string schemaName, string csName)
    {
        if (csName != Pascal(schemaName))
        {
            Add(subject, $"C# name must be {Pascal(schemaName)}, found {csName}");
        }
    }

    private void ExpectType(string subject, string expected, TypeSyntax actual)
    {
        var text = SdkSources.TypeText(actual);
        if (text != expected)
        {
            Add(subject, $"C# type must be {expected}, found {text}");
        }
    }

    private void ExpectDoc(string subject, JsonObject spec, SyntaxNode member)
    {
        if (Str(spec, "description") is { } description)
        {
            ExpectDoc(subject, description, member);
        }
    }

    private void ExpectDoc(string subject, string description, SyntaxNode member)
    {
        var expected = SdkSources.NormalizeDoc(description);
        var actual = SdkSources.Summary(member);
        if (actual != expected)
        {
            Add(subject, $"XML doc <summary> must be the schema's description \"{expected}\", found \"{actual ?? "(none)"}\"");
        }
    }

    private void Add(string subject, string message) => _mismatches.Add(new SchemaMismatch(_group, subject, message));

    /// <summary>The C# type of an output (resource output, output-type field or function result).</summary>
    private string? OutputType(JsonObject spec, bool required)
    {
        if (Str(spec, "type") == "array")
        {
            var element = spec["items"] is JsonObject items ? OutputType(items, required: true) : null;
            return element == null ? null : $"ImmutableArray<{element}>";
        }
        if (Str(spec, "$ref") is { } reference)
        {
            return $"Outputs.{OutputTypeName(RefToken(reference))}" + (required ? "" : "?");
        }
        return Scalar(spec) is { } scalar ? scalar + (required ? "" : "?") : null;
    }

    /// <summary>The C# type of an input property in an args, state or invoke-args class.</summary>
    private static string? InputType(JsonObject spec, bool required, InputFlavor flavor)
    {
        var optional = required ? "" : "?";
        if (Str(spec, "type") == "array")
        {
            if (flavor == InputFlavor.Plain)
            {
                return null;
            }
            var element = spec["items"] is JsonObject items ? InputElementType(items, flavor) : null;
            return element == null ? null : $"InputList<{element}>";
        }
        if (Str(spec, "$ref") is not null)
        {
            return flavor == InputFlavor.Plain ? null : $"Input<{InputElementType(spec, flavor)}>{optional}";
        }
        var scalar = Scalar(spec);
        return scalar == null ? null : flavor == InputFlavor.Plain ? scalar + optional : $"Input<{scalar}>{optional}";
    }

    private static string? InputElementType(JsonObject spec, InputFlavor flavor) =>
        Str(spec, "$ref") is { } reference
            ? $"Inputs.{TokenName(RefToken(reference))}{(flavor == InputFlavor.State ? "GetArgs" : "Args")}"
            : Scalar(spec);

    /// <summary>Object types that only functions return get a Result suffix, as in Pulumi's codegen.</summary>
    private string OutputTypeName(string token) =>
        Pascal(TokenName(token)) + (_resourceOutputTypes.Contains(token) ? "" : "Result");

    private HashSet<string> Closure(IEnumerable<string> roots)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.TryPop(out var token))
        {
            if (seen.Add(token) && _schema["types"]?[token]?["properties"] is JsonObject nested)
            {
                foreach (var child in Refs(nested))
                {
                    pending.Push(child);
                }
            }
        }
        return seen;
    }

    private static IEnumerable<string> Refs(JsonObject? properties) =>
        Objects(properties).SelectMany(p => RefsOf(p.Value));

    private static IEnumerable<string> RefsOf(JsonObject spec)
    {
        if (Str(spec, "$ref") is { } reference)
        {
            yield return RefToken(reference);
        }
        if (spec["items"] is JsonObject items)
        {
            foreach (var nested in RefsOf(items))
            {
                yield return nested;
            }
        }
    }

    private static string RefToken(string reference) => reference.StartsWith("#/types/", StringComparison.Ordinal)
        ? Uri.UnescapeDataString(reference["#/types/".Length..])
        : reference;

    private static string? Scalar(JsonObject spec) => Str(spec, "type") switch
    {
        "string" => "string",
        "boolean" => "bool",
        "integer" => "int",
        "number" => "double",
        _ => null,
    };

    private static bool NeedsJson(JsonObject spec) => Str(spec, "type") != "string";

    private static bool IsSecret(JsonObject spec) => spec["secret"]?.GetValue<bool>() == true;

    private static string? BaseTypeText(ClassDeclarationSyntax cls) =>
        cls.BaseList?.Types.FirstOrDefault()?.Type is { } type ? SdkSources.TypeText(type) : null;

    private static IEnumerable<KeyValuePair<string, JsonObject>> Objects(JsonNode? node) =>
        node is JsonObject obj
            ? obj.Where(p => p.Value is JsonObject).Select(p => new KeyValuePair<string, JsonObject>(p.Key, (JsonObject)p.Value!))
            : [];

    private static HashSet<string> Set(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) : [];

    private static string? Str(JsonObject? obj, string key) => obj?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The last segment of a token: <c>buildkite-portals:index:Portal</c> → <c>Portal</c>.</summary>
    private static string TokenName(string token) => token[(token.LastIndexOf(':') + 1)..];

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    private static string PascalPackage(string package) =>
        string.Concat(package.Split('-', '_').Where(p => p.Length > 0).Select(Pascal));

    private enum InputFlavor
    {
        /// <summary>Resource args and invoke args: <c>Input&lt;T&gt;</c>, requiredness from the schema.</summary>
        Args,

        /// <summary>Resource state (Get): every property optional, nested objects as <c>…GetArgs</c>.</summary>
        State,

        /// <summary>Invoke args for InvokeAsync: plain values.</summary>
        Plain,
    }
}
