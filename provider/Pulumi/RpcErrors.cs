using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PortalsProvider.Portals;
using PortalsProvider.Protos.Rpc;
using Pulumirpc;

namespace PortalsProvider.Pulumi;

/// <summary>
/// Exceptions → gRPC statuses the engine understands. API failures get a specific code (never UNKNOWN,
/// INTERNAL or DATA_LOSS, which the engine reads as "the operation may have happened" and flags the stack as
/// possibly corrupt); a created-but-incomplete portal gets <c>ErrorResourceInitFailed</c> in
/// <c>grpc-status-details-bin</c> so the engine keeps its ID; cancellation is CANCELLED. Messages never carry a
/// token: the configured one is redacted as a last line of defence.
/// </summary>
internal static class RpcErrors
{
    public const string DetailsTrailer = "grpc-status-details-bin";

    public static RpcException Translate(Exception ex, string? secretToRedact)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex switch
        {
            RpcException rpc => rpc,
            PortalOperationException op => new RpcException(new Status(Code(op.Failure), Redact(op.Message, secretToRedact))),
            OperationCanceledException => new RpcException(new Status(StatusCode.Cancelled, "the operation was cancelled")),
            ArgumentException arg => new RpcException(new Status(StatusCode.InvalidArgument, Redact(arg.Message, secretToRedact))),
            _ => new RpcException(new Status(StatusCode.Internal, "unexpected provider error (please report it): " + Redact(ex.Message, secretToRedact))),
        };
    }

    public static StatusCode Code(PortalFailure failure) => failure switch
    {
        PortalFailure.InvalidRequest => StatusCode.InvalidArgument,
        PortalFailure.Unauthenticated => StatusCode.Unauthenticated,
        PortalFailure.PermissionDenied => StatusCode.PermissionDenied,
        PortalFailure.NotFound => StatusCode.NotFound,
        PortalFailure.Conflict => StatusCode.Aborted,
        PortalFailure.RateLimited => StatusCode.ResourceExhausted,
        PortalFailure.Unavailable => StatusCode.Unavailable,
        PortalFailure.Timeout => StatusCode.DeadlineExceeded,
        _ => StatusCode.FailedPrecondition,
    };

    /// <summary>A partial failure: the engine keeps <paramref name="id"/> and <paramref name="properties"/> in
    /// state and shows <paramref name="reason"/>.</summary>
    public static RpcException ResourceInitFailed(string id, Struct properties, Struct? inputs, string reason)
    {
        var detail = new ErrorResourceInitFailed { Id = id, Properties = properties, Reasons = { reason } };
        if (inputs is not null)
        {
            detail.Inputs = inputs;
        }

        return WithDetails(StatusCode.Aborted, reason, Any.Pack(detail));
    }

    /// <summary>Configure with required keys missing: the engine prints each as "missing required configuration key".</summary>
    public static RpcException MissingKeys(IEnumerable<ConfigProperty> missing)
    {
        var list = missing.ToList();
        var detail = new ConfigureErrorMissingKeys();
        foreach (var c in list)
        {
            detail.MissingKeys.Add(new ConfigureErrorMissingKeys.Types.MissingKey
            {
                Name = PortalsConfig.KeyPrefix + c.Name,
                Description = $"{c.Description} (or set the {c.EnvVar} environment variable)",
            });
        }

        return WithDetails(StatusCode.InvalidArgument, string.Join("; ", list.Select(PortalsConfig.MissingMessage)), Any.Pack(detail));
    }

    public static string Redact(string message, string? secret) =>
        string.IsNullOrEmpty(secret) || message is null ? message ?? string.Empty : message.Replace(secret, "[redacted]", StringComparison.Ordinal);

    private static RpcException WithDetails(StatusCode code, string message, Any detail)
    {
        var status = new RpcStatus { Code = (int)code, Message = message, Details = { detail } };
        var trailers = new Metadata { { DetailsTrailer, status.ToByteArray() } };
        return new RpcException(new Status(code, message), trailers, message);
    }
}
