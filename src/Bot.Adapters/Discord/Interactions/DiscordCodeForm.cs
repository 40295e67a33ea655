namespace CodeCube.Adapters.Discord.Interactions;

/// <summary>The modal /run opens when no code was given; its custom_id names the language, checked on return.</summary>
internal static class DiscordCodeForm
{
    public const string CodeField = "code";
    public const string StdinField = "stdin";
    private const string Prefix = "codecube:form:";
    private const int MaxLanguageLength = 32;

    public static string Title(string language) => $"Run {language}".Length <= 45 ? $"Run {language}" : "Run code";

    public static bool TryCustomId(string language, out string customId)
    {
        customId = Prefix + language;
        return IsLanguageId(language);
    }

    public static bool TryParse(string? customId, out string language)
    {
        language = "";
        if (customId is null || !customId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        language = customId[Prefix.Length..];
        return IsLanguageId(language);
    }

    private static bool IsLanguageId(string language) =>
        language.Length is > 0 and <= MaxLanguageLength
        && language.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '-' or '_' or '.');
}
