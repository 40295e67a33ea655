namespace CodeCube.Core.Contracts;

/// <summary>Which of the program's pipes a piece of output came from.</summary>
public enum OutputStream
{
    Stdout,
    Stderr,
}
