namespace CodeCube.Host.Cli;

/// <summary>The `codecube` command line: `run FILE ...` and `languages`.</summary>
public static class CliApp
{
    public static bool IsCliVerb(string[] args) => args is ["run", ..] or ["languages", ..];

    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine($"codecube: '{args[0]}' is not implemented yet");
        return Task.FromResult(2);
    }
}
