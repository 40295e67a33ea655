using System;

class Program
{
    static void Main()
    {
        var line = new string('x', 1000);
        while (true) Console.WriteLine(line);
    }
}
