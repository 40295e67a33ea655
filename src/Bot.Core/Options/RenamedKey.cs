using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Core.Options;

/// <summary>How an old key's number reads under its new name.</summary>
public enum OldUnit
{
    /// <summary>The same number (a size in bytes that moved to another section).</summary>
    Same,
    /// <summary>Whole milliseconds, now a TimeSpan.</summary>
    Milliseconds,
    /// <summary>Whole seconds, now a TimeSpan.</summary>
    Seconds,
}

/// <summary>
/// A configuration key that was renamed and is still read: a deployment keeps working after an upgrade, and the
/// start-up log says once, per old key, which new key to use. When both are set, the one from the stronger source
/// wins (environment over appsettings.json; the new name within one source) and an old key that loses is reported as
/// ignored. When several old keys map to one new key (the size limits that used to exist per component) the
/// smallest value is taken: it was the limit that applied.
/// </summary>
public sealed record RenamedKey(string OldKey, string NewKey, OldUnit Unit = OldUnit.Same);

internal sealed class RenamedKeysConfigurer<TOptions>(
    IConfiguration configuration, string section, IReadOnlyList<RenamedKey> renamedKeys, ILogger logger)
    : IConfigureOptions<TOptions>
    where TOptions : class
{
    private readonly ConcurrentDictionary<string, bool> _warned = new(StringComparer.OrdinalIgnoreCase);

    public void Configure(TOptions options)
    {
        foreach (var renames in renamedKeys.GroupBy(r => r.NewKey, StringComparer.OrdinalIgnoreCase))
        {
            // Whichever name it has, the value from the stronger source wins (environment over appsettings.json),
            // so an old key set in the environment still overrides a new key shipped in appsettings.json.
            var newKey = renames.Key;
            var newStrength = Strength(newKey);
            var found = renames
                .Select(r => (Rename: r, Raw: configuration[r.OldKey], Strength: Strength(r.OldKey)))
                .Where(f => f.Raw is not null)
                .ToList();
            foreach (var (rename, _, _) in found.Where(f => f.Strength <= newStrength))
            {
                if (_warned.TryAdd(rename.OldKey, true))
                {
                    logger.OldKeyIgnored(rename.OldKey, newKey);
                }
            }

            found.RemoveAll(f => f.Strength <= newStrength);
            if (found.Count == 0)
            {
                continue;
            }

            var values = found.Select(f => (f.Rename, Value: Read(f.Rename, f.Raw!))).ToList();
            var taken = values.MinBy(v => v.Value.Order).Value.Text;
            new ConfigurationBuilder()
                .AddInMemoryCollection([new(newKey[(section.Length + 1)..], taken)])
                .Build()
                .Bind(options);
            foreach (var (rename, _) in values)
            {
                if (_warned.TryAdd(rename.OldKey, true))
                {
                    logger.OldKeyRead(rename.OldKey, newKey, taken);
                }
            }
        }
    }

    /// <summary>The position of the last configuration source that sets <paramref name="key"/>; -1 when none does.</summary>
    private int Strength(string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return configuration[key] is null ? -1 : 0;
        }

        var providers = root.Providers.ToList();
        for (var i = providers.Count - 1; i >= 0; i--)
        {
            if (providers[i].TryGet(key, out var value) && value is not null)
            {
                return i;
            }
        }

        return -1;
    }

    private static (long Order, string Text) Read(RenamedKey rename, string raw)
    {
        if (!long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < 0)
        {
            var (unit, example) = rename.Unit switch
            {
                OldUnit.Milliseconds => (" of milliseconds", " as a duration such as \"00:00:10\""),
                OldUnit.Seconds => (" of seconds", " as a duration such as \"00:01:00\""),
                _ => ("", ""),
            };
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(TOptions),
                [$"{rename.OldKey} (renamed to {rename.NewKey}) must be a whole number{unit}, not '{raw}'; set {rename.NewKey}{example} instead."]);
        }

        return rename.Unit switch
        {
            OldUnit.Milliseconds => Duration(TimeSpan.FromMilliseconds(number)),
            OldUnit.Seconds => Duration(TimeSpan.FromSeconds(number)),
            _ => (number, number.ToString(CultureInfo.InvariantCulture)),
        };

        static (long, string) Duration(TimeSpan value) => (value.Ticks, value.ToString("c", CultureInfo.InvariantCulture));
    }
}
