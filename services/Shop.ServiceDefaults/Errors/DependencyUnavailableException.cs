namespace Shop.ServiceDefaults.Errors;

/// <summary>A service this one needs for the request cannot answer now: UNAVAILABLE, worth retrying later.</summary>
public sealed class DependencyUnavailableException(StatusMessage message) : DomainException(message);
