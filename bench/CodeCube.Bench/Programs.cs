namespace CodeCube.Bench;

/// <summary>Hello world per language, the same text natively, via docker run and via the API.</summary>
/// <param name="Name">Row name: the language id, or a variant such as "cpp (bits/stdc++.h)".</param>
internal sealed record BenchProgram(string Name, string Language, string FileName, string Code, string? NativeCompile, string[] NativeRun)
{
    /// <summary>
    /// A fresh comment per request keeps the result cache out of the cold and pool measurements: the code differs,
    /// the work does not.
    /// </summary>
    public string Unique(string nonce) => Language switch
    {
        "python" or "ruby" or "bash" => $"{Code}# {nonce}\n",
        _ => $"{Code}// {nonce}\n",
    };

    public bool Compiled => NativeCompile is not null;

    public static readonly BenchProgram Python =
        new("python", "python", "main.py", "print(\"Hello, world!\")\n", null, ["/usr/bin/python3", "main.py"]);

    public static readonly BenchProgram[] All =
    [
        Python,
        new("ruby", "ruby", "main.rb", "puts \"Hello, world!\"\n", null, ["/usr/bin/ruby", "main.rb"]),
        new("javascript", "javascript", "main.js", "console.log(\"Hello, world!\");\n", null, ["/usr/bin/node", "main.js"]),
        new("bash", "bash", "main.sh", "echo \"Hello, world!\"\n", null, ["/usr/bin/bash", "main.sh"]),
        new("c", "c", "main.c", "#include <stdio.h>\nint main(void) { puts(\"Hello, world!\"); return 0; }\n",
            "gcc -std=gnu17 -O2 -Wall -o main main.c -lm", ["./main"]),
        new("cpp", "cpp", "main.cpp", "#include <iostream>\nint main() { std::cout << \"Hello, world!\" << std::endl; }\n",
            "g++ -std=gnu++20 -O2 -Wall -o main main.cpp", ["./main"]),
        new("cpp (bits/stdc++.h)", "cpp", "main.cpp",
            "#include <bits/stdc++.h>\nusing namespace std;\nint main() { cout << \"Hello, world!\" << endl; }\n",
            "g++ -std=gnu++20 -O2 -Wall -o main main.cpp", ["./main"]),
        new("go", "go", "main.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"Hello, world!\") }\n",
            "GO111MODULE=off CGO_ENABLED=0 go build -o main main.go", ["./main"]),
        new("rust", "rust", "main.rs", "fn main() { println!(\"Hello, world!\"); }\n", "rustc -O -o main main.rs", ["./main"]),
        new("java", "java", "Main.java",
            "public class Main { public static void main(String[] a) { System.out.println(\"Hello, world!\"); } }\n",
            "javac -J-XX:+UseSerialGC -J-XX:TieredStopAtLevel=1 Main.java",
            ["/usr/bin/java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss1m", "Main"]),
    ];
}
