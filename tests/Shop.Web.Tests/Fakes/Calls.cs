using Grpc.Core;

namespace Shop.Web.Tests.Fakes;

/// <summary>Finished gRPC calls, as a fake client hands them back: a reply, or the RpcException a service would cause.</summary>
public static class Calls
{
    public static AsyncUnaryCall<T> Answer<T>(Func<T> reply)
    {
        try
        {
            return Finished(Task.FromResult(reply()), Status.DefaultSuccess);
        }
        catch (RpcException e)
        {
            return Finished(Task.FromException<T>(e), e.Status);
        }
    }

    public static RpcException Failure(StatusCode code, string detail, Metadata? trailers = null) =>
        new(new Status(code, detail), trailers ?? []);

    private static AsyncUnaryCall<T> Finished<T>(Task<T> response, Status status) =>
        new(response, Task.FromResult(new Metadata()), () => status, () => [], () => { });
}
