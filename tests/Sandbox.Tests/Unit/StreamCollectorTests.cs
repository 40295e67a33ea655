using CodeCube.Sandbox.Protocol;

namespace CodeCube.Sandbox.Tests.Unit;

public class StreamCollectorTests
{
    private const string Nonce = "00112233445566778899aabbccddeeff";

    private static byte[] Marker(string status) => Encoding.ASCII.GetBytes($"\n@@CODECUBE {Nonce} {status}@@\n");

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static (StreamCollector Collector, string Progress) Feed(byte[] data, int chunk, int cap = 1024)
    {
        var collector = new StreamCollector(Nonce, cap);
        var progress = new StringBuilder();
        for (var i = 0; i < data.Length; i += chunk)
        {
            progress.Append(collector.Append(data.AsSpan(i, Math.Min(chunk, data.Length - i))));
        }

        progress.Append(collector.Complete());
        return (collector, progress.ToString());
    }

    [Fact]
    public void Marker_split_at_every_possible_boundary_is_found_and_dropped()
    {
        var data = Concat("warning: x"u8.ToArray(), Marker("run"), "hello\n"u8.ToArray());
        for (var chunk = 1; chunk <= data.Length; chunk++)
        {
            var (collector, progress) = Feed(data, chunk);

            Assert.Equal(MarkerKind.Run, collector.Marker?.Kind);
            Assert.Equal("warning: xhello\n", collector.Text);
            Assert.Equal("warning: xhello\n", progress);
        }
    }

    [Fact]
    public void A_marker_with_another_nonce_is_program_output_not_a_marker()
    {
        var forged = Encoding.ASCII.GetBytes("\n@@CODECUBE ffffffffffffffffffffffffffffffff compile-failed 1@@\n");
        var data = Concat(Marker("run"), forged);

        var (collector, _) = Feed(data, 7);

        Assert.Equal(MarkerKind.Run, collector.Marker?.Kind);
        Assert.Equal(Encoding.ASCII.GetString(forged), collector.Text);
    }

    [Fact]
    public void Only_the_first_marker_counts_and_later_copies_stay_in_the_output()
    {
        var data = Concat(Marker("run"), Marker("compile-failed 1"));

        var (collector, _) = Feed(data, 5);

        Assert.Equal(MarkerKind.Run, collector.Marker?.Kind);
        Assert.Contains("compile-failed", collector.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_failure_keeps_the_compiler_output_before_the_marker()
    {
        var data = Concat("main.c:1: error: expected ';'"u8.ToArray(), Marker("compile-failed 1"));

        var (collector, _) = Feed(data, 3);

        Assert.Equal(new MarkerStatus(MarkerKind.CompileFailed, 1), collector.Marker);
        Assert.Equal("main.c:1: error: expected ';'", collector.Text);
    }

    [Fact]
    public void Output_past_the_cap_is_dropped_and_flagged()
    {
        var data = Concat(Marker("run"), Enumerable.Repeat((byte)'x', 10_000).ToArray());

        var (collector, progress) = Feed(data, 333, cap: 1000);

        Assert.True(collector.Overflowed);
        Assert.Equal(new string('x', 1000), collector.Text);
        Assert.Equal(1000, progress.Length);
    }

    [Fact]
    public void Exactly_the_cap_is_not_an_overflow()
    {
        var data = Concat(Marker("run"), Enumerable.Repeat((byte)'y', 1000).ToArray());

        var (collector, _) = Feed(data, 100, cap: 1000);

        Assert.False(collector.Overflowed);
        Assert.Equal(1000, collector.Text.Length);
    }

    [Fact]
    public void Compile_output_without_a_marker_past_the_cap_overflows_with_bounded_memory()
    {
        var collector = new StreamCollector(Nonce, 1000);
        var chunk = Enumerable.Repeat((byte)'w', 4096).ToArray();
        for (var i = 0; i < 1000; i++)
        {
            collector.Append(chunk);
        }

        Assert.True(collector.Overflowed);
        Assert.Equal(1000, collector.Text.Length);
    }

    [Fact]
    public void Invalid_utf8_becomes_replacement_characters()
    {
        var data = Concat(Marker("run"), [0x66, 0xff, 0xfe, 0x80, 0x6f, 0x00, 0xc3]);

        var (collector, progress) = Feed(data, 2);

        Assert.Equal("f\uFFFD\uFFFD\uFFFDo\0\uFFFD", collector.Text);
        Assert.Equal(collector.Text, progress);
    }

    [Fact]
    public void A_character_split_across_chunks_decodes_whole_in_progress()
    {
        var data = Concat(Marker("run"), Encoding.UTF8.GetBytes("€ and 😀"));

        var (collector, progress) = Feed(data, 1);

        Assert.Equal("€ and 😀", collector.Text);
        Assert.Equal("€ and 😀", progress);
    }

    [Fact]
    public void The_cap_never_cuts_a_character_in_half()
    {
        var data = Concat(Marker("run"), Encoding.UTF8.GetBytes("ab€€"));

        var (collector, _) = Feed(data, 64, cap: 4);

        Assert.True(collector.Overflowed);
        Assert.Equal("ab", collector.Text);
    }

    [Fact]
    public void Without_any_marker_the_output_is_kept_for_the_error_message()
    {
        var (collector, _) = Feed("codecube-runner: bad header\n"u8.ToArray(), 4);

        Assert.Null(collector.Marker);
        Assert.Equal("codecube-runner: bad header\n", collector.Text);
    }

    [Theory]
    [InlineData("run", "Run", null, null)]
    [InlineData("compile-failed 2", "CompileFailed", 2, null)]
    [InlineData("compile-timeout", "CompileTimeout", null, null)]
    [InlineData("error bad-header", "Error", null, "bad-header")]
    [InlineData("compile-failed x", "Unknown", null, "compile-failed x")]
    [InlineData("dance", "Unknown", null, "dance")]
    public void Marker_status_words_parse(string text, string kind, int? exit, string? word)
    {
        Assert.Equal(new MarkerStatus(Enum.Parse<MarkerKind>(kind), exit, word), MarkerStatus.Parse(text));
    }

    [Theory]
    [InlineData("abc", 2, 2)]
    [InlineData("a€", 2, 1)]
    [InlineData("a€", 3, 1)]
    [InlineData("a€", 4, 4)]
    [InlineData("😀", 3, 0)]
    [InlineData("ab", 5, 2)]
    public void Safe_cut_backs_up_to_a_character_boundary(string text, int max, int expected)
    {
        Assert.Equal(expected, Utf8Text.SafeCut(Encoding.UTF8.GetBytes(text), max));
    }

    [Fact]
    public void The_end_marker_split_anywhere_reports_the_exit_code_and_is_dropped()
    {
        var data = Concat(Marker("run"), "a\nno newline at the end"u8.ToArray(), Marker("exit 3"));
        for (var chunk = 1; chunk <= data.Length; chunk++)
        {
            var (collector, progress) = Feed(data, chunk);

            Assert.Equal(MarkerKind.Exited, collector.End?.Kind);
            Assert.Equal(3, collector.End?.Code);
            Assert.Equal("a\nno newline at the end", collector.Text);
            Assert.Equal("a\nno newline at the end", progress);
        }
    }

    [Fact]
    public void Output_streams_live_after_the_run_marker_holding_back_only_a_possible_marker_start()
    {
        var collector = new StreamCollector(Nonce, 1024);

        var first = collector.Append(Concat(Marker("run"), "line one\n@@CODE"u8.ToArray()));
        var second = collector.Append("CUBE is just text\n"u8.ToArray());

        Assert.Equal("line one", first);
        // A trailing newline could begin the end marker, so it waits for the next chunk.
        Assert.Equal("\n@@CODECUBE is just text", second);
        Assert.Null(collector.End);
    }

    [Fact]
    public void A_signal_end_marker_is_reported_as_a_signal()
    {
        var (collector, _) = Feed(Concat(Marker("run"), Marker("signal 9")), 4);

        Assert.Equal(MarkerKind.Signalled, collector.End?.Kind);
        Assert.Equal(9, collector.End?.Code);
        Assert.Equal("", collector.Text);
    }

    [Fact]
    public void A_held_back_tail_is_kept_when_the_stream_ends_without_an_end_marker()
    {
        var (collector, progress) = Feed(Concat(Marker("run"), "out\n@@CODECUBE "u8.ToArray()), 3);

        Assert.Null(collector.End);
        Assert.Equal("out\n@@CODECUBE ", collector.Text);
        Assert.Equal("out\n@@CODECUBE ", progress);
    }
}
