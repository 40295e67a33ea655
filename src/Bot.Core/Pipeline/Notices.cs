using CodeCube.Core.Commands;
using CodeCube.Core.Contracts;
using CodeCube.Core.Quotas;
using CodeCube.Core.Replies;

namespace CodeCube.Core.Pipeline;

/// <summary>The bot's own words. Plain text; the reply formatter escapes it for each platform.</summary>
internal static class Notices
{
    public const string NoSandbox = "no sandbox worker is available right now; please try again in a minute";

    public const string OnlyAuthorDeletes = "only the person who ran this (or a moderator) can delete it";

    public const string InternalError = "something went wrong on our side and was logged; please try again later";

    public static string Help(string prefix, int maxCodeBytes) => string.Join('\n',
        "I run code in a locked-down sandbox and reply with its output and a permalink.",
        $"{prefix}run <language> [args...] then a ```code block```; a second block, or a line 'stdin' then text, is the input",
        $"{prefix}run <language> <code> runs a one-liner; reply {prefix}run [language] to a message to run its code block",
        $"{prefix}run <snippet id or link> runs a stored snippet again; edit your message to rerun, delete it to remove my reply",
        $"{prefix}langs lists the languages; code may be up to {ByteSize.Format(maxCodeBytes)}");

    /// <summary>
    /// One line per kind of language, ids only: sixty languages with aliases and versions would not fit a chat
    /// message, so those are on the web page <paramref name="languagesPage"/>.
    /// </summary>
    public static string Languages(ILanguageRegistry registry, string languagesPage)
    {
        if (registry.All.Count == 0)
        {
            return "no languages are installed yet";
        }

        var lines = new List<string> { $"{registry.All.Count} languages; aliases and versions: {languagesPage}" };
        lines.AddRange(LanguageKinds.Group(registry.All)
            .Select(g => $"{g.Title}: {string.Join(' ', g.Languages.Select(l => l.Id))}"));
        var libraries = registry.All
            .Where(l => l.Libraries is { Count: > 0 })
            .OrderBy(l => l.Id, StringComparer.Ordinal)
            .Select(l => $"{l.Id} has {string.Join(", ", l.Libraries!)}")
            .ToList();
        if (libraries.Count > 0)
        {
            lines.Add("libraries: " + string.Join("; ", libraries));
        }

        return string.Join('\n', lines);
    }

    public static string Busy(RunRefusal refusal) => refusal.Reason == RunRefusalReason.ClientBusy
        ? "you already have runs going; wait for them to finish, then try again"
        : $"busy: {refusal.Running} runs going and {refusal.Waiting} waiting; please try again in a minute";

    public static string SlowDown(QuotaDecision decision)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
        return decision.RefusedBy == QuotaScope.Channel
            ? $"this channel is sending commands too fast; try again in {seconds} s"
            : $"you are sending commands too fast; try again in {seconds} s";
    }

    public static string NoSnippet(string id) => $"there is no snippet {id}";

    public static string Removed(string id) => $"snippet {id} was removed by a moderator";

    public const string Banned = "you may not run code here; a moderator has blocked your account";

    /// <summary>A banned user is told at most this often; everything else they send is ignored silently.</summary>
    public static readonly TimeSpan BanNoticeEvery = TimeSpan.FromHours(1);
}
