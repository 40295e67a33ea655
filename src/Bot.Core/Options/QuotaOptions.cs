using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CodeCube.Core.Options;

/// <summary>Token buckets per user and per channel, bound from "Pipeline:Quotas".</summary>
public sealed class QuotaOptions
{
    public const string Section = "Pipeline:Quotas";

    /// <summary>Commands a user may send back to back.</summary>
    [Range(1, 10_000)]
    public int UserBurst { get; set; } = 5;

    /// <summary>Sustained commands per minute per user.</summary>
    [Range(0.01, 100_000)]
    public double UserPerMinute { get; set; } = 6;

    /// <summary>Commands a channel may see back to back, all users together.</summary>
    [Range(1, 10_000)]
    public int ChannelBurst { get; set; } = 12;

    /// <summary>Sustained commands per minute per channel.</summary>
    [Range(0.01, 100_000)]
    public double ChannelPerMinute { get; set; } = 20;
}

[OptionsValidator]
internal sealed partial class QuotaOptionsValidator : IValidateOptions<QuotaOptions>;
