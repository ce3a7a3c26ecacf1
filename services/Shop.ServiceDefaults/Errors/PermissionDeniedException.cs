namespace Shop.ServiceDefaults.Errors;

/// <summary>The caller is who it says, but may not do this: PERMISSION_DENIED. The message says nothing about other users.</summary>
public sealed class PermissionDeniedException(StatusMessage message) : DomainException(message);
