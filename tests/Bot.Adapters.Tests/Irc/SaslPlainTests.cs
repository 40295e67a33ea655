using CodeCube.Adapters.Irc;
using CodeCube.Adapters.Tests.Irc.Fixtures;

namespace CodeCube.Adapters.Tests.Irc;

public class SaslPlainTests
{
    [Fact]
    public void Plain_payload_matches_the_ircv3_example_exchange()
    {
        var expected = IrcFixtures.ProtocolLines("ircv3-sasl-3.1-plain-exchange.txt")
            .Select(l => IrcMessage.Parse(l)!)
            .Last(m => m.Command == "AUTHENTICATE" && m.Param(0) != "PLAIN" && m.Param(0) != "+")
            .Param(0);

        Assert.Equal([expected], SaslPlain.Chunks("jilles", "sesame"));
    }

    [Fact]
    public void Long_payload_is_sent_in_400_byte_chunks_that_reassemble()
    {
        var chunks = SaslPlain.Chunks("user", new string('p', 700));

        Assert.All(chunks.SkipLast(1), c => Assert.Equal(400, c.Length));
        Assert.InRange(chunks[^1].Length, 1, 399);
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(chunks)));
        Assert.Equal("user\0user\0" + new string('p', 700), decoded);
    }

    [Theory]
    [InlineData(400, 2)]
    [InlineData(800, 3)]
    [InlineData(0, 1)]
    public void Exact_multiple_of_400_ends_with_a_plus(int base64Length, int expectedChunks)
    {
        var chunks = SaslPlain.ChunkBase64(new string('A', base64Length));

        Assert.Equal(expectedChunks, chunks.Count);
        Assert.Equal("+", chunks[^1]);
    }

    [Fact]
    public void Payload_of_exactly_300_bytes_is_one_full_chunk_and_a_plus()
    {
        // 300 bytes encode to exactly 400 base64 characters.
        var password = new string('x', 300 - "u\0u\0".Length);

        Assert.Equal(["+"], SaslPlain.Chunks("u", password).Skip(1));
        Assert.Equal(400, SaslPlain.Chunks("u", password)[0].Length);
    }
}
