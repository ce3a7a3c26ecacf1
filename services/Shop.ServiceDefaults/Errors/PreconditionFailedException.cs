namespace Shop.ServiceDefaults.Errors;

/// <summary>
/// The request is well formed but the current state forbids it (an order already paid, too little stock,
/// a product still in orders): FAILED_PRECONDITION. Retrying the same request will not help until the state changes.
/// </summary>
public class PreconditionFailedException(StatusMessage message) : DomainException(message);
