using System.Net;
using PortalsProvider.Buildkite;

namespace PortalsProvider.Portals;

/// <summary>An API call failed. The message names the action, the portal and the API's own message
/// (<c>creating portal "deploys": 422 Validation failed: Slug has already been taken</c>) and never a token.</summary>
internal sealed class PortalOperationException : Exception
{
    public PortalOperationException(string action, string portal, BuildkiteApiException inner)
        : base($"{action} portal \"{portal}\": {Describe(inner)}", inner)
    {
        Action = action;
        Portal = portal;
        Failure = Classify(inner);
        StatusCode = inner.StatusCode;
    }

    public PortalOperationException(string action, string portal, PortalFailure failure, string detail)
        : base($"{action} portal \"{portal}\": {detail}")
    {
        Action = action;
        Portal = portal;
        Failure = failure;
    }

    /// <summary>"creating", "reading", "updating", "deleting", "importing", "looking up".</summary>
    public string Action { get; }

    /// <summary>The portal's slug or name (or the import ID).</summary>
    public string Portal { get; }

    public PortalFailure Failure { get; }

    public HttpStatusCode? StatusCode { get; }

    public static string Describe(BuildkiteApiException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        if (ex.Kind == ApiFailureKind.HttpStatus)
        {
            var status = (int?)ex.StatusCode;
            var tries = ex.Attempts > 1 ? $" (after {ex.Attempts} attempts)" : string.Empty;
            if (!string.IsNullOrWhiteSpace(ex.ApiMessage))
            {
                return $"{status} {ex.ApiMessage}{tries}";
            }

            // One line, like the client's own message: an HTML error page must not spill over the user's terminal.
            var body = BuildkiteApiException.Excerpt(ex.Body) is { } b ? ": " + b : string.Empty;
            return $"{status} {ex.StatusCode}{tries}{body}";
        }

        return ex.Message;
    }

    public static PortalFailure Classify(BuildkiteApiException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.Kind switch
        {
            ApiFailureKind.ConnectionFailed or ApiFailureKind.TransportAfterSend => PortalFailure.Unavailable,
            ApiFailureKind.Timeout => PortalFailure.Timeout,
            ApiFailureKind.InvalidResponse => PortalFailure.Other,
            _ => (int?)ex.StatusCode switch
            {
                400 or 422 => PortalFailure.InvalidRequest,
                401 => PortalFailure.Unauthenticated,
                403 => PortalFailure.PermissionDenied,
                404 => PortalFailure.NotFound,
                409 => PortalFailure.Conflict,
                429 => PortalFailure.RateLimited,
                >= 500 => PortalFailure.Unavailable,
                _ => PortalFailure.Other,
            },
        };
    }
}
