using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PortalsApi.Emulator;

/// <summary>The Portals REST API: <c>/v2/organizations/{org}/portals[/{slug}]</c>.</summary>
internal sealed class PortalEndpoints(EmulatorState state)
{
    private const string Collection = "/v2/organizations/{org}/portals";
    private const string Item = "/v2/organizations/{org}/portals/{slug}";
    private const int DefaultPerPage = 30;
    private const int MaxPerPage = 100;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet(Collection, (HttpContext context, string org) => List(context, org));
        routes.MapPost(Collection, (HttpContext context, string org) => Create(context, org));
        routes.MapGet(Item, (HttpContext context, string org, string slug) => Get(context, org, slug));

        // Rails routes PATCH to the same update action as PUT.
        routes.MapMethods(Item, ["PUT", "PATCH"], (HttpContext context, string org, string slug) => Update(context, org, slug));
        routes.MapDelete(Item, (HttpContext context, string org, string slug) => Delete(context, org, slug));
        routes.MapFallback(() => ApiResults.Message(404, "Not Found"));
    }

    private IResult List(HttpContext context, string org)
    {
        if (Authorize(context, org, "read_portals") is { } denied)
        {
            return denied;
        }

        var portals = state.List(org)!;
        var page = ReadPositive(context.Request.Query["page"], 1);
        var perPage = Math.Min(ReadPositive(context.Request.Query["per_page"], DefaultPerPage), MaxPerPage);
        var lastPage = Math.Max(1, (portals.Count + perPage - 1) / perPage);
        var link = LinkHeader(context.Request, page, lastPage);
        if (link.Length > 0)
        {
            context.Response.Headers["Link"] = link;
        }

        var slice = portals.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * perPage)).Take(perPage);
        return ApiResults.Json(200, PortalJson.Portals(slice, includeToken: false));
    }

    private IResult Get(HttpContext context, string org, string slug)
    {
        if (Authorize(context, org, "read_portals") is { } denied)
        {
            return denied;
        }

        return state.Find(org, slug) is { } portal
            ? ApiResults.Json(200, PortalJson.Portal(portal, includeToken: false))
            : ApiResults.Message(404, StoreOutcome.NotFound.Message!);
    }

    private IResult Create(HttpContext context, string org)
    {
        if (Authorize(context, org, "write_portals") is { } denied)
        {
            return denied;
        }

        if (ParseBody(context) is not { } body)
        {
            return ApiResults.Message(400, "Problems parsing JSON");
        }

        var outcome = state.Create(org, PortalChanges.FromJson(body));
        return outcome.Portal is { } portal
            ? ApiResults.Json(201, PortalJson.Portal(portal, includeToken: true))
            : ApiResults.Message(outcome.Status, outcome.Message!);
    }

    private IResult Update(HttpContext context, string org, string slug)
    {
        if (Authorize(context, org, "write_portals") is { } denied)
        {
            return denied;
        }

        if (ParseBody(context) is not { } body)
        {
            return ApiResults.Message(400, "Problems parsing JSON");
        }

        var outcome = state.Update(org, slug, PortalChanges.FromJson(body));
        return outcome.Portal is { } portal
            ? ApiResults.Json(200, PortalJson.Portal(portal, includeToken: false))
            : ApiResults.Message(outcome.Status, outcome.Message!);
    }

    private IResult Delete(HttpContext context, string org, string slug)
    {
        if (Authorize(context, org, "write_portals") is { } denied)
        {
            return denied;
        }

        return state.Delete(org, slug) ? Results.NoContent() : ApiResults.Message(404, StoreOutcome.NotFound.Message!);
    }

    /// <summary>401 for a missing or unknown token, then 403 for a missing scope, then 404 for an unknown organization.</summary>
    private IResult? Authorize(HttpContext context, string org, string scope)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (token is null || state.ScopesOf(token) is not { } scopes)
        {
            return ApiResults.Message(401, ApiResults.AuthenticationRequired);
        }

        if (!scopes.Contains(scope))
        {
            return ApiResults.Message(403, ApiResults.MissingScope(scope));
        }

        return state.HasOrganization(org) ? null : ApiResults.Message(404, "No organization found");
    }

    /// <summary>The body as a JSON object; an empty body counts as <c>{}</c>; <c>null</c> when it is not a JSON object.</summary>
    private static JsonObject? ParseBody(HttpContext context)
    {
        var text = context.Items[EmulatorMiddleware.BodyItem] as string ?? string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject is { } body && HasUniqueNames(body) ? body : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool HasUniqueNames(JsonObject body)
    {
        try
        {
            // JsonObject reports duplicate property names lazily, on first access.
            _ = body.Count;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int ReadPositive(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 ? value : fallback;

    /// <summary>
    /// <c>&lt;url&gt;; rel="next", …</c> with absolute URLs that keep every other query parameter; rels next, prev,
    /// first, last as they apply (none on a single page).
    /// </summary>
    private static string LinkHeader(HttpRequest request, int page, int lastPage)
    {
        var rels = new List<(string Rel, int Page)>();
        if (page < lastPage)
        {
            rels.Add(("next", page + 1));
        }

        if (page > 1)
        {
            rels.Add(("prev", Math.Min(page - 1, lastPage)));
            rels.Add(("first", 1));
        }

        if (page < lastPage)
        {
            rels.Add(("last", lastPage));
        }

        var others = (request.QueryString.Value ?? string.Empty).TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.Split('=')[0].Equals("page", StringComparison.Ordinal))
            .ToList();
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        var builder = new StringBuilder();
        foreach (var (rel, target) in rels)
        {
            if (builder.Length > 0)
            {
                builder.Append(", ");
            }

            var query = string.Join('&', others.Append("page=" + target.ToString(CultureInfo.InvariantCulture)));
            builder.Append('<').Append(baseUrl).Append('?').Append(query).Append(">; rel=\"").Append(rel).Append('"');
        }

        return builder.ToString();
    }
}
