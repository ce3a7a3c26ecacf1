using Microsoft.Extensions.Options;

namespace Shop.ServiceDefaults.Neighbours;

/// <summary>Fails start-up for a neighbour whose setting is none of the address forms, saying what to set.</summary>
internal sealed class NeighbourOptionsValidation : IValidateOptions<NeighbourOptions>
{
    public ValidateOptionsResult Validate(string? name, NeighbourOptions options) =>
        options.Problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Problem);
}
