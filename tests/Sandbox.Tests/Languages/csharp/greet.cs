using System;

class Program
{
    static int Main()
    {
        var name = Console.ReadLine();
        Console.WriteLine($"Hello, {name}! 6*7={6 * 7}");
        return 3;
    }
}
