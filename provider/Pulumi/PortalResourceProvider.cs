using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PortalsProvider.Portals;
using Pulumirpc;

namespace PortalsProvider.Pulumi;

/// <summary>
/// <c>pulumirpc.ResourceProvider</c>: decode (Struct → <see cref="PValue"/>), call the Portals core, encode
/// (re-wrapping secrets), translate failures (<see cref="RpcErrors"/>). No product rules live here.
/// Functions (Invoke) and resource discovery (List) are in <c>PortalResourceProvider.Functions.cs</c>.
/// Bound through <see cref="BindService"/> (the derived attribute wins over the generated base's).
/// </summary>
[BindServiceMethod(typeof(PortalResourceProvider), nameof(BindService))]
internal sealed partial class PortalResourceProvider(ProviderRuntime runtime) : ResourceProvider.ResourceProviderBase
{
    /// <summary>The generated binding, with requests deserialized by <see cref="DeepRequestBinder"/>. The second
    /// parameter must be the generated base type: Grpc.AspNetCore takes it as the type whose virtual methods it binds.</summary>
    public static void BindService(ServiceBinderBase serviceBinder, ResourceProvider.ResourceProviderBase? serviceImpl) =>
        ResourceProvider.BindService(new DeepRequestBinder(serviceBinder), serviceImpl);

    /// <summary>
    /// acceptSecrets: we unwrap for comparison and re-wrap what came in secret. acceptResources: false, as no
    /// property takes a resource reference (the engine then sends a reference as its ID). acceptOutputs: false,
    /// as output values are only for Construct/Call.
    /// </summary>
    public override Task<ProviderHandshakeResponse> Handshake(ProviderHandshakeRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        runtime.EngineLog.SetAddress(request.EngineAddress);
        return Task.FromResult(new ProviderHandshakeResponse { AcceptSecrets = true, AcceptResources = false, AcceptOutputs = false });
    }

    public override Task<PluginInfo> GetPluginInfo(Empty request, ServerCallContext context) =>
        Task.FromResult(new PluginInfo { Version = ProviderInfo.Version });

    public override Task<GetSchemaResponse> GetSchema(GetSchemaRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrEmpty(request.SubpackageName))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"{ProviderInfo.PackageName} has no subpackage \"{request.SubpackageName}\""));
        }

        return Task.FromResult(new GetSchemaResponse { Schema = PulumiSchema.Json });
    }

    public override Task<Empty> Attach(PluginAttach request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        runtime.EngineLog.SetAddress(request.Address);
        return Task.FromResult(new Empty());
    }

    /// <summary>Cancels every in-flight call (and any later one); always OK (anything else makes the engine
    /// report the plugin as crashed).</summary>
    public override Task<Empty> Cancel(Empty request, ServerCallContext context)
    {
        runtime.Cancel();
        return Task.FromResult(new Empty());
    }

    /// <summary>Validates config (missing token/org counts only when the env var is unset too) and returns the
    /// news unchanged (<c>version</c> included), with <c>apiToken</c> wrapped as a secret.</summary>
    public override Task<CheckResponse> CheckConfig(CheckRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var news = Decode(request.News);
        var resolution = PortalsConfig.Resolve(news, runtime.Environment);
        var response = new CheckResponse
        {
            Inputs = StructValues.ToStruct(StructValues.WrapSecrets(news, PortalProperties.Config.Where(c => c.Secret).Select(c => c.Name))),
        };
        response.Failures.AddRange(resolution.Failures.Select(ToProto));
        response.Failures.AddRange(resolution.Missing.Select(m => new Pulumirpc.CheckFailure { Property = m.Name, Reason = PortalsConfig.MissingMessage(m) }));
        return Task.FromResult(response);
    }

    /// <summary>Config changes are applied by Configure; they never replace the provider (which would replace
    /// every portal).</summary>
    public override Task<DiffResponse> DiffConfig(DiffRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var olds = Decode(request.OldInputs is { Fields.Count: > 0 } ? request.OldInputs : request.Olds).Unwrap() as PValue.Object ?? PValue.Object.Empty;
        var news = Decode(request.News).Unwrap() as PValue.Object ?? PValue.Object.Empty;
        var response = new DiffResponse { HasDetailedDiff = true };
        foreach (var c in PortalProperties.Config)
        {
            var o = olds[c.Name] is PValue.Null ? null : olds[c.Name];
            var n = news[c.Name] is PValue.Null ? null : news[c.Name];
            if (request.IgnoreChanges.Contains(c.Name) || (n is not PValue.Unknown && Equals(o, n)))
            {
                continue;
            }

            response.Diffs.Add(c.Name);
            response.DetailedDiff[c.Name] = new PropertyDiff
            {
                Kind = o is null ? PropertyDiff.Types.Kind.Add : n is null ? PropertyDiff.Types.Kind.Delete : PropertyDiff.Types.Kind.Update,
                InputDiff = true,
            };
        }

        response.Changes = response.Diffs.Count > 0 ? DiffResponse.Types.DiffChanges.DiffSome : DiffResponse.Types.DiffChanges.DiffNone;
        return Task.FromResult(response);
    }

    public override Task<ConfigureResponse> Configure(ConfigureRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var config = request.Args is not null ? Decode(request.Args) : FromVariables(request);
        var resolution = PortalsConfig.Resolve(config, runtime.Environment);
        if (resolution.HasUnknowns)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "provider configuration contains values that are not known yet; they must be known before the provider can be configured"));
        }

        if (!resolution.Failures.IsEmpty)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, string.Join("; ", resolution.Failures.Select(f => f.Reason))));
        }

        if (!resolution.Missing.IsEmpty)
        {
            throw RpcErrors.MissingKeys(resolution.Missing);
        }

        try
        {
            runtime.Configure(resolution.Options!);
        }
        catch (ArgumentException ex)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, RpcErrors.Redact(ex.Message, resolution.Options!.ApiToken)));
        }

        return Task.FromResult(new ConfigureResponse { AcceptSecrets = true, SupportsPreview = true, AcceptResources = false, AcceptOutputs = false });
    }

    public override Task<CheckResponse> Check(CheckRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = PortalChecker.Check(Decode(request.News));
        var response = new CheckResponse { Inputs = StructValues.ToStruct(result.Inputs) };
        response.Failures.AddRange(result.Failures.Select(ToProto));
        return Task.FromResult(response);
    }

    public override Task<DiffResponse> Diff(DiffRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var olds = Decode(request.Olds);
        var oldInputs = request.OldInputs is { Fields.Count: > 0 }
            ? Decode(request.OldInputs)
            : PValue.Object.From(olds.Fields.Where(kv => PortalProperties.Inputs.Any(p => p.Name == kv.Key)));
        var changes = PortalDiffer.Diff(oldInputs, olds, Decode(request.News), request.IgnoreChanges);
        var response = new DiffResponse
        {
            Changes = changes.IsEmpty ? DiffResponse.Types.DiffChanges.DiffNone : DiffResponse.Types.DiffChanges.DiffSome,
            HasDetailedDiff = true,
            DeleteBeforeReplace = false,
        };
        foreach (var c in changes)
        {
            response.Diffs.Add(c.Property);
            response.DetailedDiff[c.Property] = new PropertyDiff
            {
                Kind = c.Kind switch
                {
                    ChangeKind.Add => PropertyDiff.Types.Kind.Add,
                    ChangeKind.Delete => PropertyDiff.Types.Kind.Delete,
                    _ => PropertyDiff.Types.Kind.Update,
                },
                InputDiff = true,
            };
        }

        return Task.FromResult(response);
    }

    public override Task<CreateResponse> Create(CreateRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(request.Urn, context, async (service, ct) =>
        {
            var news = Decode(request.Properties);
            if (request.Preview)
            {
                return new CreateResponse { Properties = StructValues.ToStruct(PortalValues.PreviewCreate(news, service.Organization)) };
            }

            var inputs = ValidInputs(news);
            var secretInputs = StructValues.SecretKeys(news).ToList();
            try
            {
                var state = await service.CreateAsync(inputs, Timeout(request.Timeout), ct).ConfigureAwait(false);
                return new CreateResponse { Id = state.Uuid, Properties = Outputs(state, secretInputs) };
            }
            catch (PortalPartialFailureException partial)
            {
                // The core's hint is front-end neutral ("pulumi up --replace <urn>"); here the URN is known, so the
                // user gets a command to paste.
                var reason = string.IsNullOrEmpty(request.Urn) ? partial.Message : partial.Message.Replace("<urn>", request.Urn, StringComparison.Ordinal);
                throw RpcErrors.ResourceInitFailed(partial.State.Uuid, Outputs(partial.State, secretInputs), inputs: null, Redact(reason));
            }
        });
    }

    /// <summary>Refresh (state present) or import (ID only). Returns <c>inputs</c> too, so import round-trips
    /// through Check and Diff cleanly; an empty ID means the portal is gone.</summary>
    public override Task<ReadResponse> Read(ReadRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(request.Urn, context, async (service, ct) =>
        {
            var properties = request.Properties is null ? null : Decode(request.Properties);
            var priorInputsValue = request.Inputs is null ? null : Decode(request.Inputs);
            var prior = properties is null ? null : PortalValues.ReadState(properties, request.Id);
            PortalState? state;
            PortalInputs? priorInputs = null;
            if (prior is null)
            {
                state = await service.ImportAsync(request.Id, Timeout(request.Timeout), ct).ConfigureAwait(false);
                if (state is not null)
                {
                    await runtime.EngineLog.WarnAsync(
                        request.Urn,
                        $"portal \"{state.Slug}\" was imported: its token cannot be read back after import, so the `token` output is empty. To get a new token, replace the portal: pulumi up --replace {request.Urn}",
                        ct).ConfigureAwait(false);
                }
            }
            else
            {
                priorInputs = PortalValues.TryReadInputs(priorInputsValue);
                state = await service.ReadAsync(prior.Uuid, prior.Slug, prior.Token, Timeout(request.Timeout), ct).ConfigureAwait(false);
            }

            if (state is null)
            {
                return new ReadResponse { Id = string.Empty };
            }

            var secretKeys = StructValues.SecretKeys(properties).Concat(StructValues.SecretKeys(priorInputsValue)).ToList();
            var inputs = StructValues.WrapSecrets(PortalValues.WriteInputs(PortalValues.InputsFromState(state, priorInputs)), secretKeys);
            return new ReadResponse { Id = state.Uuid, Properties = Outputs(state, secretKeys), Inputs = StructValues.ToStruct(inputs) };
        });
    }

    public override Task<UpdateResponse> Update(UpdateRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(request.Urn, context, async (service, ct) =>
        {
            var olds = Decode(request.Olds);
            var news = Decode(request.News);
            var old = PortalValues.ReadState(olds, request.Id)
                ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, $"the state of portal {request.Id} has no slug; run `pulumi refresh` first"));
            if (request.Preview)
            {
                var preview = StructValues.WrapSecrets(PortalValues.PreviewUpdate(news, old, service.Organization), StructValues.SecretKeys(news));
                return new UpdateResponse { Properties = StructValues.ToStruct(preview) };
            }

            var inputs = ValidInputs(news);
            var state = await service.UpdateAsync(old, inputs, Timeout(request.Timeout), ct).ConfigureAwait(false);
            return new UpdateResponse { Properties = Outputs(state, StructValues.SecretKeys(news).ToList()) };
        });
    }

    public override Task<Empty> Delete(DeleteRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(request.Urn, context, async (service, ct) =>
        {
            var old = PortalValues.ReadState(Decode(request.Properties), request.Id);
            if (old is null)
            {
                // No slug in state: find the portal by its ID (the UUID).
                var found = await service.ImportAsync(request.Id, Timeout(request.Timeout), ct).ConfigureAwait(false);
                if (found is null)
                {
                    return new Empty();
                }

                old = found;
            }

            await service.DeleteAsync(old.Uuid, old.Slug, Timeout(request.Timeout), ct).ConfigureAwait(false);
            return new Empty();
        });
    }

    private static Pulumirpc.CheckFailure ToProto(Portals.CheckFailure f) => new() { Property = f.Property, Reason = f.Reason };

    private static PValue.Object Decode(Struct? s)
    {
        try
        {
            return StructValues.FromStruct(s);
        }
        catch (ArgumentException ex)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, ex.Message));
        }
    }

    private static PValue.Object FromVariables(ConfigureRequest request)
    {
        // Fallback for engines that send only the deprecated map: keys are "<pkg>:config:<key>".
#pragma warning disable CS0612
        var variables = request.Variables;
#pragma warning restore CS0612
        const string prefix = ProviderInfo.PackageName + ":config:";
        return PValue.Object.From(variables
            .Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(kv => new KeyValuePair<string, PValue>(kv.Key[prefix.Length..], new PValue.Str(kv.Value))));
    }

    /// <summary>Typed inputs after re-checking (the engine always calls Check first; a direct client may not).</summary>
    private static PortalInputs ValidInputs(PValue.Object news)
    {
        var check = PortalChecker.Check(news);
        if (!check.IsValid)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "invalid portal inputs: " + string.Join("; ", check.Failures.Select(f => $"{f.Property}: {f.Reason}"))));
        }

        if (news.ContainsUnknown)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "portal inputs contain values that are not known yet outside preview"));
        }

        return PortalValues.ReadInputs(news);
    }

    private static Struct Outputs(PortalState state, IEnumerable<string> secretKeys) =>
        StructValues.ToStruct(StructValues.WrapSecrets(PortalValues.WriteState(state), secretKeys));

    private static TimeSpan? Timeout(double seconds) => seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;

    private string Redact(string message) => RpcErrors.Redact(message, runtime.Token);

    private async Task<T> RunAsync<T>(string urn, ServerCallContext context, Func<PortalService, CancellationToken, Task<T>> body)
    {
        var service = runtime.Service
            ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, "the provider is not configured yet (Configure was not called)"));
        using var cts = runtime.Link(context.CancellationToken);
        runtime.CurrentUrn = urn;
        try
        {
            cts.Token.ThrowIfCancellationRequested();
            return await body(service, cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw RpcErrors.Translate(ex, runtime.Token);
        }
    }
}
