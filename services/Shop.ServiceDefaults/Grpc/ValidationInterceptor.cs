using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Shop.ServiceDefaults.Validation;

namespace Shop.ServiceDefaults.Grpc;

/// <summary>
/// Checks every request against the rules declared in its proto before the service sees it. A request
/// that breaks any is INVALID_ARGUMENT naming every broken field in the message ("user_id: must be a
/// UUID ...; name: ...") and, for clients that show them field by field, as <c>google.rpc.BadRequest</c>
/// field violations in the status details (<c>grpc-status-details-bin</c>).
/// </summary>
public sealed class ValidationInterceptor(RequestValidator validator) : Interceptor
{
    /// <summary>The message stays well under the 1 KB every status message fits in; the details list every violation found.</summary>
    private const int MaxMessageLength = 900;

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, responseStream, context);
    }

    private void Check(object request)
    {
        if (request is not IMessage message) return;
        var violations = validator.Validate(message);
        if (violations.Count == 0) return;
        var details = new BadRequest { FieldViolations = { violations } };
        throw new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = Describe(violations),
            Details = { Any.Pack(details) },
        }.ToRpcException();
    }

    private static string Describe(IReadOnlyList<BadRequest.Types.FieldViolation> violations)
    {
        var text = new StringBuilder();
        for (var i = 0; i < violations.Count; i++)
        {
            var part = $"{violations[i].Field}: {violations[i].Description}";
            if (text.Length + part.Length > MaxMessageLength)
            {
                text.Append($"; and {violations.Count - i} more");
                break;
            }
            text.Append(i == 0 ? "" : "; ").Append(part);
        }
        return text.ToString();
    }
}
