using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CodeCube.Sandbox.Docker;

/// <summary>
/// System.Text.Json for the engine's API. Request bodies are Docker.DotNet's models (what <see cref="RunContainerSpec"/>
/// builds and its tests read), whose wire names and "leave out when default" rules are in their [DataMember]
/// attributes; this resolver reads those, as Docker.DotNet's own serializer does, so no second JSON library is needed.
/// </summary>
internal static class EngineJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { UseDataMembers } },
    };

    private static void UseDataMembers(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.GetCustomAttribute<DataContractAttribute>() is null)
        {
            return;
        }

        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            var property = type.Properties[i];
            var member = property.AttributeProvider?.GetCustomAttributes(typeof(DataMemberAttribute), inherit: true)
                .OfType<DataMemberAttribute>().FirstOrDefault();
            if (member?.Name is null)
            {
                // Not on the wire (a query-string parameter such as a container's name).
                type.Properties.RemoveAt(i);
                continue;
            }

            property.Name = member.Name;
            if (!member.EmitDefaultValue && property.PropertyType.IsValueType)
            {
                var empty = Activator.CreateInstance(property.PropertyType);
                property.ShouldSerialize = (_, value) => value is not null && !value.Equals(empty);
            }
        }
    }
}
