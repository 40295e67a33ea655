using CodeCube.Core.Replies;

namespace CodeCube.Core.Tests.Replies;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData(0, "0 bytes")]
    [InlineData(900, "900 bytes")]
    [InlineData(1023, "1023 bytes")]
    [InlineData(1024, "1 KiB")]
    [InlineData(70_000, "68.4 KiB")]
    [InlineData(64 * 1024, "64 KiB")]
    [InlineData(1024 * 1024 - 1, "1 MiB")] // 1023.999 KiB rounds to 1024 KiB, which is a MiB
    [InlineData(1024 * 1024, "1 MiB")]
    [InlineData(10 * 1024 * 1024, "10 MiB")]
    [InlineData(256L * 1024 * 1024, "256 MiB")]
    [InlineData(2560L * 1024 * 1024, "2560 MiB")]
    [InlineData(1_500_000, "1.4 MiB")]
    public void Sizes_read_with_one_decimal_at_most(long bytes, string expected) =>
        Assert.Equal(expected, ByteSize.Format(bytes));
}
