using Grpc.Core;
using Grpc.Core.Interceptors;

namespace PortalsProvider.Pulumi;

/// <summary>
/// Caps the message of every error status. It travels in the <c>grpc-message</c> trailer, and a message that
/// quotes a huge input (a 100 KB organization value in "must be an organization slug, not …") overflows the
/// client's header limit (64 KiB in .NET), so the caller sees UNAVAILABLE "Error starting gRPC call" instead of
/// the clear error. Status code and details trailers are kept.
/// </summary>
internal sealed class StatusDetailCap : Interceptor
{
    public const int MaxDetailChars = 4096;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.Status.Detail is { Length: > MaxDetailChars } detail)
        {
            throw new RpcException(new Status(ex.StatusCode, detail[..MaxDetailChars] + "… (message truncated)"), ex.Trailers);
        }
    }
}
