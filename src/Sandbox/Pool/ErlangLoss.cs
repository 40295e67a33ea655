namespace CodeCube.Sandbox.Pool;

/// <summary>
/// How often a run misses the warm pool. A language with S ready containers, runs arriving at random at rate λ and a
/// taken container replaced after T is a loss system with offered load a = λT: a run misses when all S are taken and
/// not yet replaced, which happens with probability Erlang B(S, a) whatever the distribution of T.
/// </summary>
internal static class ErlangLoss
{
    /// <summary>The offered load a = λT: how many containers are being replaced at once, on average.</summary>
    public static double Load(double runsPerSecond, TimeSpan startTime) => runsPerSecond * startTime.TotalSeconds;

    /// <summary>Erlang's loss formula B(S, a): the chance that a run finds all <paramref name="containers"/> taken.</summary>
    public static double MissChance(int containers, double load)
    {
        // The recurrence B(k) = a·B(k−1) / (k + a·B(k−1)) from B(0) = 1: no factorials or powers to overflow.
        var b = 1.0;
        for (var k = 1; k <= containers; k++)
        {
            b = load * b / (k + (load * b));
        }

        return b;
    }

    /// <summary>Misses per second one more container saves: λ·(B(S, a) − B(S+1, a)).</summary>
    public static double MissesSavedByOneMore(int containers, double runsPerSecond, double load) =>
        runsPerSecond * (MissChance(containers, load) - MissChance(containers + 1, load));
}
