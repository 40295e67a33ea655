namespace CodeCube.Core.Contracts;

/// <summary>A request to run code once. <paramref name="Language"/> is a resolved language id.</summary>
public sealed record RunRequest(string Language, string Code, string Stdin = "", IReadOnlyList<string>? Args = null)
{
    public IReadOnlyList<string> Arguments => Args ?? [];
}
