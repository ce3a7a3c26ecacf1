namespace Shop.ServiceDefaults.Errors;

/// <summary>The caller's credentials (password, access token) do not prove who it is: UNAUTHENTICATED.</summary>
public sealed class NotAuthenticatedException(StatusMessage message) : DomainException(message);
