namespace Shop.ServiceDefaults.Errors;

/// <summary>What the request would create exists already (or its unique part is taken): ALREADY_EXISTS.</summary>
public class AlreadyExistsException(StatusMessage message) : DomainException(message);
