using Grpc.Core;

namespace Shop.Web.Mesh;

/// <summary>
/// What a person reads when a service says no: short sentences, never a status code or a stack trace.
/// The services' own messages for bad input are already short and bounded, so they are shown as they are.
/// </summary>
public static class ServiceErrors
{
    public const string WrongCredentials = "Wrong email or password.";

    public static string Unavailable(string service) => $"{service} service unavailable";

    /// <summary>Whether the service could not answer at all (as opposed to answering no): worth asking again later.</summary>
    public static bool IsOutage(RpcException e) => e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded;

    public static string SignIn(RpcException e) => e.StatusCode switch
    {
        StatusCode.Unauthenticated or StatusCode.NotFound => WrongCredentials,
        StatusCode.ResourceExhausted => TooManyAttempts(e),
        _ => Describe(e, "User"),
    };

    public static string Register(RpcException e) => e.StatusCode switch
    {
        StatusCode.AlreadyExists => "An account with this email already exists. Sign in instead.",
        StatusCode.ResourceExhausted => TooManyAttempts(e),
        _ => Describe(e, "User"),
    };

    /// <param name="service">Whose call it was, for an outage: "Order" gives "Order service unavailable".</param>
    public static string Describe(RpcException e, string service) => e.StatusCode switch
    {
        _ when IsOutage(e) => OutageOf(e) ?? Unavailable(service),
        StatusCode.Unauthenticated => "Your session has ended. Sign in again.",
        StatusCode.PermissionDenied => "You are not allowed to do that.",
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.NotFound
            when e.Status.Detail is { Length: > 0 } detail => Sentence(detail),
        _ => $"{service} service could not do that right now. Try again.",
    };

    /// <summary>
    /// A service that answered for another one being down ("Order service unavailable", from users on
    /// DeleteUser) names the one that is down.
    /// </summary>
    private static string? OutageOf(RpcException e)
    {
        const string Marker = "service unavailable";
        var end = e.Status.Detail.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        return end > 0 ? e.Status.Detail[..(end + Marker.Length)] : null;
    }

    private static string TooManyAttempts(RpcException e)
    {
        var retryAfter = e.Trailers.GetValue("retry-after");
        return int.TryParse(retryAfter, out var seconds) && seconds > 0
            ? $"Too many attempts. Try again in {seconds} seconds."
            : "Too many attempts. Wait a little and try again.";
    }

    private static string Sentence(string detail) =>
        char.ToUpperInvariant(detail[0]) + detail[1..] + (detail.EndsWith('.') ? "" : ".");
}
