using StackExchange.Redis;

namespace CodeCube.Host.Runs;

/// <summary>Every Redis name the run queue uses, under "codecube:runs:{group}:".</summary>
internal sealed class RunQueueKeys(string group)
{
    private readonly string _prefix = $"codecube:runs:{group}:";

    public string Group { get; } = group;

    public RedisKey Stream => _prefix + "stream";

    public RedisKey DeadLetters => _prefix + "dead";

    public RedisKey Workers => _prefix + "workers";

    public RedisChannel Nudge => RedisChannel.Literal(_prefix + "nudge");

    /// <summary>A caller gave up on a run (its request was cancelled): the message is the run id.</summary>
    public RedisChannel Cancel => RedisChannel.Literal(_prefix + "cancel");

    public RedisKey Result(string runId) => _prefix + "result:" + runId;

    public RedisKey Attempts(string runId) => _prefix + "attempts:" + runId;

    public RedisKey Worker(string name) => _prefix + "worker:" + name;

    /// <summary>A host's events channel (its queued runs' events), or a run's own for a host that names none.</summary>
    public RedisChannel Events(string hostOrRun) => RedisChannel.Literal(_prefix + "events:" + hostOrRun);
}
