using CodeCube.Sandbox.Pool;

namespace CodeCube.Sandbox.Tests.Unit.Pool;

/// <summary>The pool's bookkeeping rules, step by step; containers are names, "stale-…" ones are not fresh.</summary>
public class PoolLedgerTests
{
    private static readonly Dictionary<string, int> OnePython = new() { ["python"] = 1 };

    private readonly PoolLedger<string> ledger = new(c => !c.StartsWith("stale", StringComparison.Ordinal));

    [Fact]
    public async Task A_run_that_finds_none_ready_waits_for_the_launch_in_flight_and_the_next_run_starts_its_own()
    {
        Assert.Equal(["python"], ledger.Plan(OnePython, 2).Launch);

        var first = ledger.Take("python");
        var second = ledger.Take("python");
        ledger.Launched("python", "p1");

        Assert.Equal((TakeKind.Joined, TakeKind.Cold), (first.Kind, second.Kind));
        Assert.Equal("p1", await first.Launch!);
        Assert.Equal(0, ledger.Ready("python"));
        Assert.Equal(1, ledger.ColdStarts);
    }

    [Fact]
    public void Runs_starting_their_own_container_take_the_start_slots_first_and_refill_gets_what_is_left()
    {
        var targets = new Dictionary<string, int> { ["c"] = 2, ["python"] = 1 };
        Assert.Equal(TakeKind.Cold, ledger.Take("c").Kind);
        Assert.Equal(TakeKind.Cold, ledger.Take("go").Kind);

        Assert.Empty(ledger.Plan(targets, 2).Launch);
        Assert.Equal(["c"], ledger.Plan(targets, 3).Launch);

        ledger.EndColdStart();
        ledger.EndColdStart();

        Assert.Equal(["python", "c"], ledger.Plan(targets, 3).Launch);
        Assert.Equal(3, ledger.Launching);
    }

    [Fact]
    public void Launches_in_flight_count_against_the_target_and_the_parallelism()
    {
        var targets = new Dictionary<string, int> { ["python"] = 3, ["go"] = 1 };

        Assert.Equal(["python", "go"], ledger.Plan(targets, 2).Launch);
        Assert.Empty(ledger.Plan(targets, 2).Launch);
        ledger.Launched("go", "g1");
        Assert.Equal(["python"], ledger.Plan(targets, 2).Launch);
        ledger.Launched("python", "p1");
        ledger.Launched("python", "p2");

        Assert.Equal(["python"], ledger.Plan(targets, 2).Launch);
        Assert.Empty(ledger.Plan(targets, 8).Launch);
    }

    [Fact]
    public async Task A_failed_launch_sends_the_run_waiting_on_it_to_start_its_own()
    {
        ledger.Plan(OnePython, 2);
        var joined = ledger.Take("python");

        ledger.LaunchFailed("python");

        Assert.Null(await joined.Launch!);
        Assert.Equal(0, ledger.Launching);
    }

    [Fact]
    public void A_take_skips_stale_containers_and_hands_them_back_for_removal()
    {
        ledger.Return("python", "stale-1");
        ledger.Return("python", "p2");

        var take = ledger.Take("python");

        Assert.Equal((TakeKind.Warm, "p2"), (take.Kind, take.Container));
        Assert.Equal(["stale-1"], take.Stale);
        Assert.Equal(0, ledger.ColdStarts);
    }

    [Fact]
    public void A_plan_removes_stale_containers_and_the_oldest_beyond_the_target()
    {
        foreach (var c in new[] { "p1", "stale-2", "p3", "p4" })
        {
            ledger.Return("python", c);
        }

        ledger.Return("ruby", "r1");

        var (remove, launch) = ledger.Plan(new Dictionary<string, int> { ["python"] = 2 }, 2);

        Assert.Equal(["p1", "r1", "stale-2"], remove.Order(StringComparer.Ordinal));
        Assert.Empty(launch);
        Assert.Equal((2, "p3"), (ledger.Ready("python"), ledger.Take("python").Container));
    }

    [Fact]
    public async Task A_run_that_gives_up_after_the_hand_off_returns_the_container_for_the_next_run()
    {
        ledger.Plan(OnePython, 2);
        var joined = ledger.Take("python");
        ledger.Launched("python", "p1");

        var handed = ledger.Withdraw("python", joined.Launch!);
        ledger.Return("python", handed!);
        var next = ledger.Take("python");

        Assert.Equal("p1", await joined.Launch!);
        Assert.Equal((TakeKind.Warm, "p1"), (next.Kind, next.Container));
    }

    [Fact]
    public async Task A_run_that_gives_up_before_the_hand_off_leaves_the_launch_to_the_pool()
    {
        ledger.Plan(OnePython, 2);
        var joined = ledger.Take("python");

        Assert.Null(ledger.Withdraw("python", joined.Launch!));
        ledger.Launched("python", "p1");

        Assert.Null(await joined.Launch!);
        Assert.Equal(1, ledger.Ready("python"));
    }

    [Fact]
    public async Task Drain_returns_everything_ready_and_releases_waiting_runs()
    {
        ledger.Return("python", "p1");
        ledger.Plan(new Dictionary<string, int> { ["python"] = 1, ["go"] = 1 }, 2);
        var joined = ledger.Take("go");

        Assert.Equal(["p1"], ledger.Drain());
        Assert.Null(await joined.Launch!);
    }
}
