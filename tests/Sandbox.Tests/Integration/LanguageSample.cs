namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>Programs every language must handle; <see cref="CompileError"/> is null for interpreted languages.</summary>
public sealed record LanguageSample(
    string Id,
    string Hello,
    string Echo,
    string RuntimeError,
    int RuntimeErrorExit,
    string SyntaxError,
    bool Compiled);

internal static class Samples
{
    public static readonly LanguageSample Python = new("python",
        "print('hello, world')",
        "import sys\nsys.stdout.write(sys.stdin.read())",
        "raise ValueError('boom')", 1,
        "print('unclosed'", false);

    public static readonly LanguageSample Ruby = new("ruby",
        "puts 'hello, world'",
        "$stdout.write($stdin.read)",
        "raise 'boom'", 1,
        "def f(\nputs 1", false);

    public static readonly LanguageSample JavaScript = new("javascript",
        "console.log('hello, world');",
        "process.stdin.pipe(process.stdout);",
        "throw new Error('boom');", 1,
        "function (", false);

    public static readonly LanguageSample Bash = new("bash",
        "echo 'hello, world'",
        "cat",
        "echo boom >&2\nexit 3", 3,
        "if then fi", false);

    public static readonly LanguageSample C = new("c",
        "#include <stdio.h>\nint main(void) { puts(\"hello, world\"); return 0; }",
        "#include <stdio.h>\nint main(void) { int c; while ((c = getchar()) != EOF) putchar(c); return 0; }",
        "#include <stdio.h>\n#include <stdlib.h>\nint main(void) { fputs(\"boom\\n\", stderr); fflush(stderr); abort(); }", 134,
        "int main(void) { return missing; }", true);

    public static readonly LanguageSample Cpp = new("cpp",
        "#include <iostream>\nint main() { std::cout << \"hello, world\" << std::endl; }",
        "#include <iostream>\nint main() { std::string line; bool first = true; char c; while (std::cin.get(c)) std::cout << c; }",
        "#include <stdexcept>\nint main() { throw std::runtime_error(\"boom\"); }", 134,
        "int main() { return missing; }", true);

    public static readonly LanguageSample Go = new("go",
        "package main\nimport \"fmt\"\nfunc main() { fmt.Println(\"hello, world\") }",
        "package main\nimport (\"io\"; \"os\")\nfunc main() { io.Copy(os.Stdout, os.Stdin) }",
        "package main\nfunc main() { panic(\"boom\") }", 2,
        "package main\nfunc main() { missing() }", true);

    public static readonly LanguageSample Rust = new("rust",
        "fn main() { println!(\"hello, world\"); }",
        "use std::io::Read;\nfn main() { let mut s = String::new(); std::io::stdin().read_to_string(&mut s).unwrap(); print!(\"{}\", s); }",
        "fn main() { panic!(\"boom\"); }", 101,
        "fn main() { let x: i32 = \"a\"; }", true);

    public static readonly LanguageSample Java = new("java",
        "public class Main { public static void main(String[] a) { System.out.println(\"hello, world\"); } }",
        "public class Main { public static void main(String[] a) throws Exception { System.in.transferTo(System.out); System.out.flush(); } }",
        "public class Main { public static void main(String[] a) { throw new RuntimeException(\"boom\"); } }", 1,
        "public class Main { public static void main(String[] a) { int x = \"a\"; } }", true);
}
