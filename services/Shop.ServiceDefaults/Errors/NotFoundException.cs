namespace Shop.ServiceDefaults.Errors;

/// <summary>The thing the request names does not exist: NOT_FOUND.</summary>
public class NotFoundException(StatusMessage message) : DomainException(message);
