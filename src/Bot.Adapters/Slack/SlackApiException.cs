namespace CodeCube.Adapters.Slack;

/// <summary>A Web API call answered <c>ok: false</c>; <see cref="Error"/> is Slack's error code.</summary>
public sealed class SlackApiException(string method, string error)
    : Exception($"Slack {method} failed: {error}")
{
    public string Method { get; } = method;

    public string Error { get; } = error;

    /// <summary>Errors no retry can fix: the token or the app is wrong, so the adapter stops.</summary>
    public bool IsFatal => Error is "invalid_auth" or "not_authed" or "account_inactive" or "token_revoked"
        or "token_expired" or "no_permission" or "not_allowed_token_type" or "org_login_required"
        or "ekm_access_denied" or "missing_scope" or "invalid_token" or "team_access_not_granted";
}
