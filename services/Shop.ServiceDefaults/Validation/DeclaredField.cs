using Google.Protobuf.Reflection;

namespace Shop.ServiceDefaults.Validation;

/// <summary>The rules declared on one field, compiled: checks on its value (on each item of a list) and on the list itself.</summary>
internal sealed class DeclaredField(
    FieldDescriptor field, bool required, IReadOnlyList<FieldCheck> valueChecks, IReadOnlyList<FieldCheck> listChecks)
{
    public FieldDescriptor Field { get; } = field;

    /// <summary>protovalidate's <c>required</c>: a message or optional field must be set, a list must not be empty.</summary>
    public bool Required { get; } = required;

    public IReadOnlyList<FieldCheck> ValueChecks { get; } = valueChecks;

    public IReadOnlyList<FieldCheck> ListChecks { get; } = listChecks;
}
