using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeCube.Host.Storage;

/// <summary>The "Redis" configuration section.</summary>
public sealed class RedisOptions : IValidatableObject
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string; put a password in the environment (Redis__Configuration).</summary>
    [Required(ErrorMessage = "{0} is required, e.g. 127.0.0.1:6379.")]
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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Configuration) && !HasEndPoint(Configuration))
        {
            yield return new ValidationResult($"{Section}:Configuration is not a valid StackExchange.Redis configuration string.");
        }
    }

    private static bool HasEndPoint(string configuration)
    {
        try
        {
            return ConfigurationOptions.Parse(configuration).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

[OptionsValidator]
internal sealed partial class RedisOptionsValidator : IValidateOptions<RedisOptions>;
