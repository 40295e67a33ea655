using CodeCube.Core.Contracts;

namespace CodeCube.Core.Commands;

/// <summary>
/// What a chat message asks for: a closed set, matched on the nested records
/// (<c>case Command.Run run:</c>). Parse failures are values too: <see cref="ParseError"/> carries a short
/// message meant for the user (plain text; the reply formatter escapes it for the platform).
/// </summary>
public abstract record Command
{
    private Command()
    {
    }

    /// <summary>Run code. <see cref="RunRequest.Language"/> is a resolved language id.</summary>
    public sealed record Run(RunRequest Request) : Command;

    /// <summary>Run a stored snippet again (<c>!run &lt;id or permalink&gt;</c>).</summary>
    public sealed record RerunSnippet(string SnippetId) : Command;

    /// <summary><c>!help</c>.</summary>
    public sealed record Help : Command;

    /// <summary><c>!langs</c>: list languages with aliases and versions.</summary>
    public sealed record Languages : Command;

    /// <summary>An ordinary message: the bot stays silent.</summary>
    public sealed record NotACommand : Command;

    /// <summary>A command the bot understood to be meant for it but could not use; answer with <see cref="Message"/>.</summary>
    public sealed record ParseError(string Message) : Command;
}
