using CodeCube.Testing.Languages;

namespace CodeCube.Bench;

/// <summary>
/// Hello world per language: the contract tests' greeting (tests/Sandbox.Tests/Languages/&lt;id&gt;/greet.*), which reads
/// a line from stdin, prints "Hello, World! 6*7=42" and exits with a chosen status. One program per language, the same
/// text natively, via docker run and via the API.
/// </summary>
/// <param name="Name">Row name: the language id, or a variant such as "cpp (bits/stdc++.h)".</param>
/// <param name="Native">How the host runs it itself, for the languages with a native baseline.</param>
internal sealed record BenchProgram(string Name, string Language, string FileName, string Code, string Stdin,
    string Stdout, int Exit, NativeCommand? Native)
{
    /// <summary>
    /// The code with <paramref name="nonce"/> blank lines after it: the result cache never answers a different text,
    /// and blank lines at the end mean nothing in any of the sixty languages (a comment would need each one's syntax).
    /// </summary>
    public string Unique(int nonce) => Code + new string('\n', nonce);

    public bool Compiled => Native?.Compile is not null;

    /// <summary>The original nine have a native baseline; their rows keep more runs than the others.</summary>
    public bool HasBaseline => Native is not null;

    // Debian's own interpreters and compilers on the host (bench/run.sh installs them), the flags as in the images.
    private static readonly Dictionary<string, NativeCommand> Natives = new()
    {
        ["python"] = new(null, ["/usr/bin/python3", "main.py"]),
        ["ruby"] = new(null, ["/usr/bin/ruby", "main.rb"]),
        ["javascript"] = new(null, ["/usr/bin/node", "main.js"]),
        ["bash"] = new(null, ["/usr/bin/bash", "main.sh"]),
        ["c"] = new("gcc -std=gnu17 -O2 -Wall -o main main.c -lm", ["./main"]),
        ["cpp"] = new("g++ -std=gnu++20 -O2 -Wall -o main main.cpp", ["./main"]),
        ["go"] = new("GO111MODULE=off CGO_ENABLED=0 go build -o main main.go", ["./main"]),
        ["rust"] = new("rustc -O -o main main.rs", ["./main"]),
        ["java"] = new("javac -J-XX:+UseSerialGC -J-XX:TieredStopAtLevel=1 Main.java",
            ["/usr/bin/java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss1m", "Main"]),
    };

    /// <summary>
    /// One program per built language, the nine with a native baseline first (in their old order), then the rest in
    /// the manifest's order; plus C++ with the all-in-one header, which is what competitive programmers paste.
    /// </summary>
    public static List<BenchProgram> Load(IReadOnlyList<Manifest.Language> languages)
    {
        var all = languages.Select(For).ToList();
        var baselines = Natives.Keys.Select(id => all.Find(p => p.Language == id)).OfType<BenchProgram>().ToList();
        if (baselines.Find(p => p.Language == "cpp") is { } cpp)
        {
            baselines.Insert(baselines.IndexOf(cpp) + 1,
                cpp with { Name = "cpp (bits/stdc++.h)", Code = "#include <bits/stdc++.h>\n" + cpp.Code });
        }

        return [.. baselines, .. all.Where(p => !p.HasBaseline)];
    }

    private static BenchProgram For(Manifest.Language language)
    {
        var contract = ContractTable.For(language.Id);
        var code = ContractTable.Code(language.Id, ContractTable.Greet)
            ?? throw new InvalidOperationException($"{language.Id} has no greet program in {ContractTable.Folder}");
        return new BenchProgram(language.Id, language.Id, language.File, code, contract.Stdin, contract.Stdout,
            contract.Exit, Natives.GetValueOrDefault(language.Id));
    }
}

/// <param name="Compile">A shell command run first in the program's folder, or null for an interpreter.</param>
internal sealed record NativeCommand(string? Compile, string[] Run);

/// <summary>Per language, the next number of blank lines that makes a program's text new to the result cache.</summary>
internal sealed class Nonces
{
    private readonly Dictionary<string, int> _next = [];

    public int Next(string language)
    {
        lock (_next)
        {
            var n = _next.GetValueOrDefault(language) + 1;
            _next[language] = n;
            return n;
        }
    }
}
