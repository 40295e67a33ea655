using System.ComponentModel.DataAnnotations;

namespace CodeCube.Host.Storage;

/// <summary>The "Redis" configuration section.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string; put a password in the environment (Redis__Configuration).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Redis:Configuration is required, e.g. 127.0.0.1:6379.")]
    public string Configuration { get; set; } = "127.0.0.1:6379";

    /// <summary>How long a snippet (and its permalink) lives after it was last saved, viewed or rerun.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan SnippetTtl { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How long an identical run's result is served from the cache.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a chat message stays linked to our reply (edits and deletes after that are ignored).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan ReplyTtl { get; set; } = TimeSpan.FromDays(2);
}
