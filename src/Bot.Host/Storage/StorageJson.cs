using System.Text.Json.Serialization;
using CodeCube.Core.Contracts;

namespace CodeCube.Host.Storage;

/// <summary>
/// Source-generated JSON for what we keep in Redis. Property names are camelCase so a stored value reads the same
/// as the API's; RunOutcome carries its own converter and is stored as its wire word.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Snippet))]
[JsonSerializable(typeof(StoredSnippet))]
[JsonSerializable(typeof(RunResult))]
[JsonSerializable(typeof(ReplyLink))]
internal sealed partial class StorageJson : JsonSerializerContext;
