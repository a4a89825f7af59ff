using System.Text.Json;
using System.Text.Json.Nodes;

namespace PortalsApi.Emulator;

/// <summary>JSON shapes of the control plane (<c>/__emulator/…</c>); documented in README.md.</summary>
internal static class ControlPlaneJson
{
    public static string KindName(FaultKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    public static JsonObject Entry(JournalEntry entry)
    {
        var headers = new JsonObject();
        foreach (var (name, value) in entry.Headers)
        {
            headers[name] = value;
        }

        return new JsonObject
        {
            ["sequence"] = entry.Sequence,
            ["timestamp"] = EmulatedPortal.FormatTimestamp(entry.Timestamp),
            ["method"] = entry.Method,
            ["path"] = entry.Path,
            ["query"] = entry.Query,
            ["headers"] = headers,
            ["body"] = entry.Body,
            ["status"] = entry.Status,
            ["fault"] = entry.Fault is { } kind ? KindName(kind) : null,
            ["aborted"] = entry.Aborted,
        };
    }

    public static JsonObject Fault(FaultHandle handle)
    {
        var rule = handle.Rule;
        return new JsonObject
        {
            ["id"] = handle.Id,
            ["kind"] = KindName(rule.Kind),
            ["method"] = rule.Method,
            ["path_prefix"] = rule.PathPrefix,
            ["path_regex"] = rule.PathRegex,
            ["count"] = rule.Count,
            ["every_nth"] = rule.EveryNth,
            ["status"] = rule.Status,
            ["message"] = rule.Message,
            ["delay_ms"] = (long)rule.Delay.TotalMilliseconds,
            ["reset_seconds"] = rule.ResetSeconds,
            ["send_rate_limit_headers"] = rule.SendRateLimitHeaders,
            ["send_retry_after"] = rule.SendRetryAfter,
            ["after_acting"] = rule.AfterActing,
            ["hits"] = handle.Hits,
            ["active"] = handle.IsActive,
        };
    }

    /// <summary>Reads a fault rule; throws <see cref="ArgumentException"/> (or a JSON/format exception) naming the bad field.</summary>
    public static FaultRule ParseFault(JsonObject json)
    {
        var kindText = json["kind"]?.GetValue<string>() ?? throw new ArgumentException("\"kind\" is required.");
        if (!Enum.TryParse<FaultKind>(kindText.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var kind)
            || int.TryParse(kindText, out _))
        {
            throw new ArgumentException($"Unknown \"kind\" '{kindText}'. Use one of: {string.Join(", ", Enum.GetValues<FaultKind>().Select(KindName))}.");
        }

        return new FaultRule
        {
            Kind = kind,
            Method = json["method"]?.GetValue<string>(),
            PathPrefix = json["path_prefix"]?.GetValue<string>(),
            PathRegex = json["path_regex"]?.GetValue<string>(),
            Count = json["count"]?.GetValue<int>(),
            EveryNth = json["every_nth"]?.GetValue<int>(),
            Status = json["status"]?.GetValue<int>(),
            Message = json["message"]?.GetValue<string>(),
            Delay = TimeSpan.FromMilliseconds(json["delay_ms"]?.GetValue<long>() ?? 0),
            ResetSeconds = json["reset_seconds"]?.GetValue<int>() ?? 1,
            SendRateLimitHeaders = json["send_rate_limit_headers"]?.GetValue<bool>() ?? true,
            SendRetryAfter = json["send_retry_after"]?.GetValue<bool>() ?? true,
            AfterActing = json["after_acting"]?.GetValue<bool>() ?? false,
        };
    }

    /// <summary>Reads a seed in the API's field names (<c>name</c> required; <c>token</c> optional).</summary>
    public static PortalSeed ParseSeed(JsonObject json)
    {
        var name = json["name"]?.GetValue<string>() ?? throw new ArgumentException("Each portal needs a \"name\".");
        var seed = new PortalSeed
        {
            Name = name,
            Slug = json["slug"]?.GetValue<string>(),
            Description = json["description"]?.GetValue<string>(),
            AllowedIpAddresses = json["allowed_ip_addresses"]?.GetValue<string>(),
            UserInvokable = json["user_invokable"]?.GetValue<bool>() ?? false,
            Token = json["token"]?.GetValue<string>(),
        };
        return json["query"]?.GetValue<string>() is { } query ? seed with { Query = query } : seed;
    }
}
