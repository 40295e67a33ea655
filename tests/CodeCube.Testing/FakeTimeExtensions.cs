using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Testing;

public static class FakeTimeExtensions
{
    /// <summary>
    /// Advances the fake clock one <paramref name="step"/> per poll until <paramref name="condition"/> holds. The code
    /// under test may still be on its way to the timer it will wait on, so one big jump could land before that timer
    /// exists; small steps reach it whenever it starts. <paramref name="atMost"/> bounds the fake time spent, so a
    /// wait that is far too long still fails.
    /// </summary>
    public static Task AdvanceUntilAsync(this FakeTimeProvider time, Func<bool> condition, string what,
        TimeSpan? step = null, TimeSpan? atMost = null)
    {
        var advanced = TimeSpan.Zero;
        var by = step ?? TimeSpan.FromSeconds(1);
        return Eventually.TrueAsync(() =>
        {
            if (condition())
            {
                return true;
            }

            Assert.True(atMost is null || advanced < atMost, $"still waiting for {what} after {advanced} of fake time");
            time.Advance(by);
            advanced += by;
            return false;
        }, what);
    }
}
