using Grpc.Core;
using PortalsProvider.Portals;
using Pulumirpc;

namespace PortalsProvider.Pulumi;

/// <summary>
/// Functions (<c>Invoke</c>: <c>getPortal</c>, <c>getPortals</c>) and resource discovery (<c>List</c>). Both only
/// read, so they behave the same in preview and in an update. Bad arguments are <c>failures</c> (the engine
/// shows each with its argument); API failures and "no such portal" are gRPC errors naming what was looked for.
/// </summary>
internal sealed partial class PortalResourceProvider
{
    public override Task<InvokeResponse> Invoke(InvokeRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var args = Decode(request.Args);
        return request.Tok switch
        {
            PulumiSchema.GetPortalToken => GetPortalAsync(args, context),
            PulumiSchema.GetPortalsToken => GetPortalsAsync(args, context),
            _ => throw new RpcException(new Status(
                StatusCode.InvalidArgument,
                $"unknown function \"{request.Tok}\"; {ProviderInfo.PackageName} provides {PulumiSchema.GetPortalToken} and {PulumiSchema.GetPortalsToken}")),
        };
    }

    /// <summary>
    /// Streams the organization's portals as importable IDs (<c>id</c> = UUID, <c>name</c> = slug). <c>query</c>
    /// may hold <c>nameContains</c> (as <c>getPortals</c>); a query with values not known yet answers a single
    /// <c>computed</c>. <c>page_size</c> bounds this call's results and <c>limit</c> the whole listing; when more
    /// remain within both, the stream ends with a <c>continuation</c> token (see <see cref="PortalListing"/>).
    /// </summary>
    public override async Task List(ListRequest request, IServerStreamWriter<ListResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        if (request.Token != ProviderInfo.ResourceToken)
        {
            throw new RpcException(new Status(
                StatusCode.InvalidArgument,
                $"cannot list \"{request.Token}\": {ProviderInfo.PackageName} lists only {ProviderInfo.ResourceToken}"));
        }

        var query = Decode(request.Query);
        if (query.ContainsUnknown)
        {
            await responseStream.WriteAsync(new ListResponse { Computed = new ListResponse.Types.Computed() }, context.CancellationToken).ConfigureAwait(false);
            return;
        }

        var nameContains = PortalLookup.ParseListQuery(query, out var failures);
        if (!failures.IsEmpty)
        {
            throw new RpcException(new Status(
                StatusCode.InvalidArgument,
                "invalid List query: " + string.Join("; ", failures.Select(f => $"{f.Property}: {f.Reason}"))));
        }

        var listRequest = new PortalListRequest(nameContains, request.Limit, request.PageSize, request.ContinuationToken);
        var page = await RunAsync(string.Empty, context, async (service, ct) =>
        {
            var states = await service.ListAsync(nameContains, timeout: null, ct).ConfigureAwait(false);
            return PortalListing.Page(states.Select(s => new PortalListEntry(s.Uuid, s.Slug)), listRequest);
        }).ConfigureAwait(false);

        foreach (var entry in page.Entries)
        {
            await responseStream.WriteAsync(
                new ListResponse { Result = new ListResponse.Types.Result { Id = entry.Uuid, Name = entry.Slug } },
                context.CancellationToken).ConfigureAwait(false);
        }

        if (page.ContinuationToken is { } token)
        {
            await responseStream.WriteAsync(
                new ListResponse { Continuation = new ListResponse.Types.Continuation { ContinuationToken = token } },
                context.CancellationToken).ConfigureAwait(false);
        }
    }

    private Task<InvokeResponse> GetPortalAsync(PValue.Object args, ServerCallContext context)
    {
        var lookup = PortalLookup.ParseGetPortal(args, out var failures);
        if (lookup is null)
        {
            return Task.FromResult(Failures(failures));
        }

        return RunAsync(string.Empty, context, async (service, ct) =>
        {
            var state = await service.FindAsync(lookup.Slug, lookup.Uuid, timeout: null, ct).ConfigureAwait(false)
                ?? throw PortalLookup.NotFound(lookup, service.Organization);
            return new InvokeResponse { Return = StructValues.ToStruct(PortalLookup.ToResult(state)) };
        });
    }

    private Task<InvokeResponse> GetPortalsAsync(PValue.Object args, ServerCallContext context)
    {
        var nameContains = PortalLookup.ParseGetPortals(args, out var failures);
        if (!failures.IsEmpty)
        {
            return Task.FromResult(Failures(failures));
        }

        return RunAsync(string.Empty, context, async (service, ct) =>
        {
            var states = await service.ListAsync(nameContains, timeout: null, ct).ConfigureAwait(false);
            return new InvokeResponse { Return = StructValues.ToStruct(PortalLookup.ToListResult(states)) };
        });
    }

    private static InvokeResponse Failures(IEnumerable<Portals.CheckFailure> failures)
    {
        var response = new InvokeResponse();
        response.Failures.AddRange(failures.Select(ToProto));
        return response;
    }
}
