namespace Shop.ServiceDefaults.Errors;

/// <summary>
/// A request the domain refuses, for a reason the caller can act on. Services throw the subclass that
/// says what went wrong; <see cref="Grpc.ErrorMappingInterceptor"/> alone turns it into a gRPC status,
/// with <see cref="Exception.Message"/> as the status message.
/// </summary>
public abstract class DomainException : Exception
{
    protected DomainException(StatusMessage message) : base(message.ToStringAndClear())
    {
    }

    /// <param name="text">Made of <see cref="StatusMessage"/>s, so whatever it echoes is bounded already.</param>
    private protected DomainException(string text) : base(text)
    {
    }
}
