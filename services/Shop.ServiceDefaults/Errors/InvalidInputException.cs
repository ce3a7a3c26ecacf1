namespace Shop.ServiceDefaults.Errors;

/// <summary>A request field's value is not acceptable, whatever the state: INVALID_ARGUMENT, "field: problem".</summary>
public sealed class InvalidInputException(string field, StatusMessage problem) : DomainException(field + ": " + problem.ToStringAndClear())
{
    public string Field { get; } = field;
}
