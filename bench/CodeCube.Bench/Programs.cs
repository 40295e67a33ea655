namespace CodeCube.Bench;

/// <summary>Hello world per language, the same text natively, via docker run and via the API.</summary>
internal sealed record BenchProgram(string Language, string FileName, string Code, string? NativeCompile, string[] NativeRun)
{
    /// <summary>
    /// A fresh comment per request keeps the result cache out of the cold and pool measurements: the code differs,
    /// the work does not.
    /// </summary>
    public string Unique(string nonce) => Language switch
    {
        "python" => $"{Code}# {nonce}\n",
        _ => $"{Code}// {nonce}\n",
    };

    public static readonly BenchProgram[] All =
    [
        new("python", "main.py", "print(\"Hello, world!\")\n", null, ["/usr/bin/python3", "main.py"]),
        new("c", "main.c", "#include <stdio.h>\nint main(void) { puts(\"Hello, world!\"); return 0; }\n",
            "gcc -std=gnu17 -O2 -o main main.c -lm", ["./main"]),
        new("go", "main.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"Hello, world!\") }\n",
            "go build -o main main.go", ["./main"]),
        new("javascript", "main.js", "console.log(\"Hello, world!\");\n", null, ["node", "main.js"]),
    ];
}
