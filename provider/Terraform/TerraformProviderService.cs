using Grpc.Core;
using Microsoft.Extensions.Logging;
using PortalsProvider.Terraform.Protocol;

namespace PortalsProvider.Terraform;

/// <summary>
/// tfplugin6 <c>Provider</c>: decodes DynamicValues with the schema, hands them to the portal resource and the
/// data sources, and turns every failure into a diagnostic (never a gRPC error, which Terraform shows as a
/// provider crash).
/// </summary>
internal sealed partial class TerraformProviderService(
    TerraformProviderState state,
    PortalResource resource,
    PortalDataSources dataSources,
    ILogger<TerraformProviderService> logger) : Provider.ProviderBase
{
    public override Task<GetMetadata.Types.Response> GetMetadata(GetMetadata.Types.Request request, ServerCallContext context)
    {
        var response = new GetMetadata.Types.Response { ServerCapabilities = Capabilities() };
        response.Resources.Add(new GetMetadata.Types.ResourceMetadata { TypeName = TerraformSchema.PortalTypeName });
        response.DataSources.Add(new GetMetadata.Types.DataSourceMetadata { TypeName = TerraformSchema.PortalTypeName });
        response.DataSources.Add(new GetMetadata.Types.DataSourceMetadata { TypeName = TerraformSchema.PortalsTypeName });
        return Task.FromResult(response);
    }

    public override Task<GetProviderSchema.Types.Response> GetProviderSchema(GetProviderSchema.Types.Request request, ServerCallContext context) =>
        Task.FromResult(SchemaResponse());

    /// <summary>The whole schema; static, so Terraform may cache it (<c>get_provider_schema_optional</c>).</summary>
    public static GetProviderSchema.Types.Response SchemaResponse()
    {
        var response = new GetProviderSchema.Types.Response
        {
            Provider = TerraformSchema.Provider.ToProto(),
            ServerCapabilities = Capabilities(),
        };
        response.ResourceSchemas[TerraformSchema.PortalTypeName] = TerraformSchema.PortalResource.ToProto();
        response.DataSourceSchemas[TerraformSchema.PortalTypeName] = TerraformSchema.PortalDataSource.ToProto();
        response.DataSourceSchemas[TerraformSchema.PortalsTypeName] = TerraformSchema.PortalsDataSource.ToProto();
        return response;
    }

    public override Task<ValidateProviderConfig.Types.Response> ValidateProviderConfig(ValidateProviderConfig.Types.Request request, ServerCallContext context)
    {
        var response = new ValidateProviderConfig.Types.Response();
        Guard(response.Diagnostics, "validating the provider configuration", () =>
        {
            var config = DynamicValues.Decode(request.Config, TerraformSchema.Provider.ImpliedType);
            response.Diagnostics.AddRange(TerraformProviderConfig.Validate(config));
        });
        return Task.FromResult(response);
    }

    public override Task<ConfigureProvider.Types.Response> ConfigureProvider(ConfigureProvider.Types.Request request, ServerCallContext context)
    {
        var response = new ConfigureProvider.Types.Response();
        Guard(response.Diagnostics, "configuring the provider", () =>
        {
            var config = DynamicValues.Decode(request.Config, TerraformSchema.Provider.ImpliedType);
            var (options, diagnostics) = TerraformProviderConfig.Resolve(config, Environment.GetEnvironmentVariable);
            response.Diagnostics.AddRange(diagnostics);
            if (options is not null)
            {
                try
                {
                    state.Configure(options);
                    LogConfigured(logger, options.Organization, request.TerraformVersion);
                }
                catch (ArgumentException ex)
                {
                    // The client's own option checks; the message names the setting (as the Pulumi key, which
                    // is re-spelled as the Terraform attribute) and the fix.
                    response.Diagnostics.Add(ConfigError(ex));
                }
            }
        });
        return Task.FromResult(response);
    }

    public override Task<ValidateResourceConfig.Types.Response> ValidateResourceConfig(ValidateResourceConfig.Types.Request request, ServerCallContext context)
    {
        var response = new ValidateResourceConfig.Types.Response();
        Guard(response.Diagnostics, "validating the configuration", () =>
        {
            RequireResourceType(request.TypeName);
            response.Diagnostics.AddRange(PortalResource.Validate(DynamicValues.Decode(request.Config, PortalResource.Type)));
        });
        return Task.FromResult(response);
    }

    public override Task<ValidateDataResourceConfig.Types.Response> ValidateDataResourceConfig(ValidateDataResourceConfig.Types.Request request, ServerCallContext context)
    {
        var response = new ValidateDataResourceConfig.Types.Response();
        Guard(response.Diagnostics, "validating the configuration", () =>
            response.Diagnostics.AddRange(PortalDataSources.Validate(request.TypeName, request.Config)));
        return Task.FromResult(response);
    }

    public override Task<UpgradeResourceState.Types.Response> UpgradeResourceState(UpgradeResourceState.Types.Request request, ServerCallContext context)
    {
        var response = new UpgradeResourceState.Types.Response();
        Guard(response.Diagnostics, "reading the stored state", () =>
        {
            RequireResourceType(request.TypeName);
            if (request.Version > CurrentSchemaVersion)
            {
                throw new TerraformUsageException(
                    $"The state of this portal was written by a newer version of the provider (schema version {request.Version}); upgrade terraform-provider-portals.");
            }

            // Schema version 0 is the only one so far: decoding the stored JSON against the current type is the
            // whole upgrade (unknown attributes are dropped, missing ones are null).
            var upgraded = request.RawState?.Json is { IsEmpty: false } json
                ? JsonValueCodec.Decode(json.Span, PortalResource.Type)
                : CtyValue.Null;
            response.UpgradedState = DynamicValues.Encode(upgraded, PortalResource.Type);
        });
        return Task.FromResult(response);
    }

    public override async Task<ReadResource.Types.Response> ReadResource(ReadResource.Types.Request request, ServerCallContext context)
    {
        var response = new ReadResource.Types.Response();
        await GuardAsync(response.Diagnostics, "reading the portal", context, async ct =>
        {
            RequireResourceType(request.TypeName);
            var current = DynamicValues.Decode(request.CurrentState, PortalResource.Type);
            var result = await resource.ReadAsync(current, ct).ConfigureAwait(false);
            response.NewState = DynamicValues.Encode(result.Value, PortalResource.Type);
            response.Diagnostics.AddRange(result.Diagnostics);
            response.Private = request.Private;
        }).ConfigureAwait(false);
        return response;
    }

    public override Task<PlanResourceChange.Types.Response> PlanResourceChange(PlanResourceChange.Types.Request request, ServerCallContext context)
    {
        var response = new PlanResourceChange.Types.Response();
        Guard(response.Diagnostics, "planning the portal", () =>
        {
            RequireResourceType(request.TypeName);
            var prior = DynamicValues.Decode(request.PriorState, PortalResource.Type);
            var proposed = DynamicValues.Decode(request.ProposedNewState, PortalResource.Type);
            var config = DynamicValues.Decode(request.Config, PortalResource.Type);
            var result = resource.Plan(prior, proposed, config);
            response.PlannedState = DynamicValues.Encode(result.Value, PortalResource.Type);
            response.Diagnostics.AddRange(result.Diagnostics);
            response.PlannedPrivate = request.PriorPrivate;
        });
        return Task.FromResult(response);
    }

    public override async Task<ApplyResourceChange.Types.Response> ApplyResourceChange(ApplyResourceChange.Types.Request request, ServerCallContext context)
    {
        var response = new ApplyResourceChange.Types.Response();
        await GuardAsync(response.Diagnostics, "applying the portal change", context, async ct =>
        {
            RequireResourceType(request.TypeName);
            var prior = DynamicValues.Decode(request.PriorState, PortalResource.Type);
            var planned = DynamicValues.Decode(request.PlannedState, PortalResource.Type);
            var config = DynamicValues.Decode(request.Config, PortalResource.Type);
            var result = await resource.ApplyAsync(prior, planned, config, ct).ConfigureAwait(false);
            response.NewState = DynamicValues.Encode(result.Value, PortalResource.Type);
            response.Diagnostics.AddRange(result.Diagnostics);
            response.Private = request.PlannedPrivate;
        }).ConfigureAwait(false);
        return response;
    }

    public override async Task<ImportResourceState.Types.Response> ImportResourceState(ImportResourceState.Types.Request request, ServerCallContext context)
    {
        var response = new ImportResourceState.Types.Response();
        await GuardAsync(response.Diagnostics, "importing the portal", context, async ct =>
        {
            RequireResourceType(request.TypeName);
            var result = await resource.ImportAsync(request.Id, ct).ConfigureAwait(false);
            response.Diagnostics.AddRange(result.Diagnostics);
            if (!result.Value.IsNull)
            {
                response.ImportedResources.Add(new ImportResourceState.Types.ImportedResource
                {
                    TypeName = TerraformSchema.PortalTypeName,
                    State = DynamicValues.Encode(result.Value, PortalResource.Type),
                });
            }
        }).ConfigureAwait(false);
        return response;
    }

    public override async Task<ReadDataSource.Types.Response> ReadDataSource(ReadDataSource.Types.Request request, ServerCallContext context)
    {
        var response = new ReadDataSource.Types.Response();
        await GuardAsync(response.Diagnostics, "reading the data source", context, async ct =>
        {
            var (state, type) = await dataSources.ReadAsync(request.TypeName, request.Config, response.Diagnostics, ct).ConfigureAwait(false);
            response.State = DynamicValues.Encode(state, type);
        }).ConfigureAwait(false);
        return response;
    }

    public override Task<GetFunctions.Types.Response> GetFunctions(GetFunctions.Types.Request request, ServerCallContext context) =>
        Task.FromResult(new GetFunctions.Types.Response());

    public override Task<StopProvider.Types.Response> StopProvider(StopProvider.Types.Request request, ServerCallContext context)
    {
        // Cancel in-flight API calls (their waits and retries included); the process keeps serving until
        // GRPCController.Shutdown.
        state.Stop();
        return Task.FromResult(new StopProvider.Types.Response());
    }

    private static Diagnostic ConfigError(ArgumentException ex)
    {
        if (ex.ParamName is not { Length: > 0 } key)
        {
            return Diagnostics.Error("Invalid provider configuration", ex.Message);
        }

        var attribute = TerraformSchema.SnakeCase(key);
        var text = ex.Message.Replace($" (Parameter '{key}')", string.Empty, StringComparison.Ordinal)
            .Replace(key, attribute, StringComparison.Ordinal);
        return Diagnostics.Error($"Invalid provider setting \"{attribute}\"", text, attribute);
    }

    private const long CurrentSchemaVersion = 0;

    private static ServerCapabilities Capabilities() => new() { GetProviderSchemaOptional = true };

    private static void RequireResourceType(string typeName)
    {
        if (typeName != TerraformSchema.PortalTypeName)
        {
            throw new TerraformUsageException($"This provider has no resource type \"{typeName}\"; it has \"{TerraformSchema.PortalTypeName}\".");
        }
    }

    private void Guard(Google.Protobuf.Collections.RepeatedField<Diagnostic> diagnostics, string action, Action body)
    {
        try
        {
            body();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Add(Describe(action, ex));
        }
    }

    private async Task GuardAsync(
        Google.Protobuf.Collections.RepeatedField<Diagnostic> diagnostics,
        string action,
        ServerCallContext context,
        Func<CancellationToken, Task> body)
    {
        using var call = state.LinkCall(context.CancellationToken);
        try
        {
            await body(call.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (call.IsCancellationRequested)
        {
            diagnostics.Add(Diagnostics.Error($"Cancelled while {action}",
                "Terraform asked the provider to stop (interrupt) before the operation finished."));
        }
        catch (Exception ex)
        {
            diagnostics.Add(Describe(action, ex));
        }
    }

    private Diagnostic Describe(string action, Exception ex)
    {
        switch (ex)
        {
            case TerraformUsageException or FormatException:
                return Diagnostics.Error($"Error {action}", ex.Message);
            case Portals.PortalOperationException:
                // The core's message names the action, the portal and the API's own message; never a token.
                return Diagnostics.Error($"Error {action}", TerraformWording.Rewrite(ex.Message));
            default:
                // A bug on our side: keep the stack trace in the provider log (TF_LOG), give the user the message.
                LogUnexpected(logger, ex, action);
                return Diagnostics.Error($"Unexpected error {action}",
                    $"{ex.Message}\n\nThis is a bug in terraform-provider-portals; please report it with the output of TF_LOG=debug.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Configured for organization {Organization} (Terraform {TerraformVersion})")]
    private static partial void LogConfigured(ILogger logger, string organization, string terraformVersion);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure while {Action}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string action);
}
