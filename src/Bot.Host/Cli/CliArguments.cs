namespace CodeCube.Host.Cli;

/// <summary>Parsed `codecube run FILE [--lang ID] [--stdin TEXT | --stdin-file PATH] [--json] [-- ARGS...]`.</summary>
public sealed record RunArguments(
    string File, string? Language, string? Stdin, string? StdinFile, bool Json, IReadOnlyList<string> ProgramArgs)
{
    public const string Usage =
        "usage: codecube run FILE [--lang ID] [--stdin TEXT | --stdin-file PATH] [--json] [-- ARGS...]\n" +
        "       codecube languages\n" +
        "       codecube worker\n" +
        "       codecube doctor\n" +
        "       codecube admin delete ID | ban PLATFORM:USER | unban PLATFORM:USER | bans | runs [--limit N]";

    /// <summary>Parses the words after `run`; returns null and an error message when they make no sense.</summary>
    public static RunArguments? Parse(IReadOnlyList<string> words, out string? error)
    {
        string? file = null, language = null, stdin = null, stdinFile = null;
        var json = false;
        var programArgs = new List<string>();
        error = null;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            string? Value()
            {
                if (i + 1 < words.Count)
                {
                    return words[++i];
                }

                return null;
            }

            switch (word)
            {
                case "--":
                    programArgs.AddRange(words.Skip(i + 1));
                    i = words.Count;
                    break;
                case "--json":
                    json = true;
                    break;
                case "--lang" or "-l":
                    language = Value() ?? Fail($"{word} needs a language id", ref error);
                    break;
                case "--stdin":
                    stdin = Value() ?? Fail("--stdin needs a value", ref error);
                    break;
                case "--stdin-file":
                    stdinFile = Value() ?? Fail("--stdin-file needs a path", ref error);
                    break;
                default:
                    if (word.StartsWith("--", StringComparison.Ordinal) || file is not null)
                    {
                        Fail($"unexpected '{word}'", ref error);
                    }
                    else
                    {
                        file = word;
                    }

                    break;
            }

            if (error is not null)
            {
                return null;
            }
        }

        if (file is null)
        {
            error = "missing FILE";
            return null;
        }

        if (stdin is not null && stdinFile is not null)
        {
            error = "use either --stdin or --stdin-file, not both";
            return null;
        }

        return new RunArguments(file, language, stdin, stdinFile, json, programArgs);
    }

    private static string? Fail(string message, ref string? error)
    {
        error = message;
        return null;
    }
}
