namespace CodeCube.Sandbox.Pool;

/// <summary>
/// The pool's bookkeeping, synchronous under one lock so the rules can be tested step by step on a fake clock:
/// per language the ready containers, the launches in flight and the runs waiting for one of those launches.
/// <list type="number">
/// <item>A run takes a ready container; else it waits for a launch in flight that no run has claimed yet (it began
/// earlier, so by the same start-time estimate it is ready sooner than a new one); else it starts its own.</item>
/// <item>A finished launch goes to the run that has waited longest, and only then to the ready queue.</item>
/// <item>Runs first, then refill: the engine starts only a few containers at a time (about one per core), so a
/// run's own start always begins at once, and refill launches get only the slots left: at most a given number of
/// starts in flight, runs' own counted first. Refill never waits for runs to be done altogether: at a steady rate
/// with starts this slow, some run is nearly always starting, and a pool that waited for a quiet moment would never
/// refill (runs miss, so more runs start their own, so the pool never refills).</item>
/// </list>
/// Generic over the container so the rules run without an engine; <see cref="WarmPool"/> does the I/O.
/// </summary>
internal sealed class PoolLedger<T>(Func<T, bool> isFresh)
    where T : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private int _coldStarts;

    /// <summary>Runs starting their own container now.</summary>
    public int ColdStarts
    {
        get
        {
            lock (_gate)
            {
                return _coldStarts;
            }
        }
    }

    /// <summary>Pool launches in flight, over all languages.</summary>
    public int Launching
    {
        get
        {
            lock (_gate)
            {
                return _lanes.Values.Sum(l => l.Launching);
            }
        }
    }

    public int Ready(string language)
    {
        lock (_gate)
        {
            return _lanes.TryGetValue(language, out var lane) ? lane.Ready.Count : 0;
        }
    }

    public IReadOnlyList<string> Languages()
    {
        lock (_gate)
        {
            return [.. _lanes.Keys];
        }
    }

    /// <summary>
    /// Takes a container for a run. <see cref="TakeKind.Cold"/> counts the run as starting its own container until
    /// <see cref="EndColdStart"/>; a joined launch that fails completes with null (the run then starts its own,
    /// bracketed by <see cref="BeginColdStart"/>). Stale containers met on the way are returned for removal.
    /// </summary>
    public PoolTake<T> Take(string language)
    {
        lock (_gate)
        {
            var lane = LaneOf(language);
            var stale = new List<T>();
            while (lane.Ready.TryDequeue(out var candidate))
            {
                if (isFresh(candidate))
                {
                    return new PoolTake<T>(TakeKind.Warm, candidate, null, stale);
                }

                stale.Add(candidate);
            }

            if (lane.Launching > lane.Waiters.Count)
            {
                var waiter = new TaskCompletionSource<T?>(TaskCreationOptions.RunContinuationsAsynchronously);
                lane.Waiters.AddLast(waiter);
                return new PoolTake<T>(TakeKind.Joined, null, waiter.Task, stale);
            }

            _coldStarts++;
            return new PoolTake<T>(TakeKind.Cold, null, null, stale);
        }
    }

    /// <summary>
    /// A joined run gives up (its caller cancelled). Returns the container if the launch had already been handed to
    /// it, so the caller can put it back.
    /// </summary>
    public T? Withdraw(string language, Task<T?> launch)
    {
        lock (_gate)
        {
            var lane = LaneOf(language);
            for (var node = lane.Waiters.First; node is not null; node = node.Next)
            {
                if (node.Value.Task == launch)
                {
                    lane.Waiters.Remove(node);
                    node.Value.TrySetResult(null);
                    return null;
                }
            }

            return launch.IsCompletedSuccessfully ? launch.Result : null;
        }
    }

    public void BeginColdStart()
    {
        lock (_gate)
        {
            _coldStarts++;
        }
    }

    /// <summary>A run's own start is over (started or failed): its slot goes back to the refill.</summary>
    public void EndColdStart()
    {
        lock (_gate)
        {
            _coldStarts--;
        }
    }

    /// <summary>Returns a container nobody used (a withdrawn hand-off) to the ready queue, or to a waiting run.</summary>
    public void Return(string language, T container)
    {
        lock (_gate)
        {
            Hand(LaneOf(language), container);
        }
    }

    /// <summary>A pool launch finished: the longest-waiting run gets it, else it is ready.</summary>
    public void Launched(string language, T container)
    {
        lock (_gate)
        {
            var lane = LaneOf(language);
            lane.Launching--;
            Hand(lane, container);
        }
    }

    /// <summary>A pool launch failed: a run counting on it (one more than launches left) starts its own.</summary>
    public void LaunchFailed(string language)
    {
        lock (_gate)
        {
            var lane = LaneOf(language);
            lane.Launching--;
            while (lane.Waiters.Count > lane.Launching && lane.Waiters.Last is { } last)
            {
                lane.Waiters.RemoveLast();
                last.Value.TrySetResult(null);
            }
        }
    }

    /// <summary>
    /// One refill step towards <paramref name="targets"/>: the containers to remove (stale, beyond the target, or of
    /// a language no longer poolable) and the launches to begin now, so that at most <paramref name="maxStarting"/>
    /// containers are starting (runs' own included). Launches go to whichever language has the smallest share of its target, so
    /// every language gets its first container before any gets a second. Begun launches count as in flight at once.
    /// </summary>
    public (List<T> Remove, List<string> Launch) Plan(IReadOnlyDictionary<string, int> targets, int maxStarting)
    {
        lock (_gate)
        {
            var remove = new List<T>();
            foreach (var (id, lane) in _lanes)
            {
                var keep = targets.GetValueOrDefault(id);
                var fresh = new Queue<T>();
                while (lane.Ready.TryDequeue(out var container))
                {
                    if (isFresh(container))
                    {
                        fresh.Enqueue(container);
                    }
                    else
                    {
                        remove.Add(container);
                    }
                }

                // Oldest first beyond the target: the newest have the longest life left.
                while (fresh.Count > keep)
                {
                    remove.Add(fresh.Dequeue());
                }

                lane.Ready = fresh;
            }

            var launch = new List<string>();
            var slots = maxStarting - _coldStarts - _lanes.Values.Sum(l => l.Launching);
            while (slots-- > 0)
            {
                var next = targets
                    .Where(t => t.Value > 0)
                    .Select(t => (Id: t.Key, Target: t.Value, Have: Have(t.Key)))
                    .Where(t => t.Have < t.Target)
                    .OrderBy(t => (double)t.Have / t.Target)
                    .ThenByDescending(t => t.Target)
                    .ThenBy(t => t.Id, StringComparer.Ordinal)
                    .Select(t => t.Id)
                    .FirstOrDefault();
                if (next is null)
                {
                    break;
                }

                LaneOf(next).Launching++;
                launch.Add(next);
            }

            return (remove, launch);
        }
    }

    /// <summary>Everything ready, for removal at shutdown; runs still waiting on a launch start their own.</summary>
    public List<T> Drain()
    {
        lock (_gate)
        {
            var all = new List<T>();
            foreach (var lane in _lanes.Values)
            {
                all.AddRange(lane.Ready);
                lane.Ready.Clear();
                foreach (var waiter in lane.Waiters)
                {
                    waiter.TrySetResult(null);
                }

                lane.Waiters.Clear();
            }

            return all;
        }
    }

    // Ready plus launches no run has claimed: what the language will have once they finish.
    private int Have(string language) =>
        _lanes.TryGetValue(language, out var lane) ? lane.Ready.Count + lane.Launching - lane.Waiters.Count : 0;

    private static void Hand(Lane lane, T container)
    {
        while (lane.Waiters.First is { } first)
        {
            lane.Waiters.RemoveFirst();
            if (first.Value.TrySetResult(container))
            {
                return;
            }
        }

        lane.Ready.Enqueue(container);
    }

    private Lane LaneOf(string language)
    {
        if (!_lanes.TryGetValue(language, out var lane))
        {
            _lanes[language] = lane = new Lane();
        }

        return lane;
    }

    private sealed class Lane
    {
        public Queue<T> Ready { get; set; } = new();

        public int Launching { get; set; }

        public LinkedList<TaskCompletionSource<T?>> Waiters { get; } = new();
    }
}
