using System.Collections.Generic;

class Program
{
    static void Main()
    {
        var chunks = new List<byte[]>();
        while (true)
        {
            var chunk = new byte[16 << 20];
            for (var i = 0; i < chunk.Length; i += 4096) chunk[i] = 1;
            chunks.Add(chunk);
        }
    }
}
