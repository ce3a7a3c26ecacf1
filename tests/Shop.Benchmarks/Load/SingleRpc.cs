using Google.Protobuf;

namespace Shop.Benchmarks.Load;

/// <summary>
/// One RPC as h2load sends it: the same request, with the same credentials, on every call.
/// </summary>
/// <param name="Target">The server's address and the method's path (<c>/package.Service/Method</c>).</param>
/// <param name="Headers">Sent with every call besides gRPC's own: the caller's <c>authorization</c>.</param>
/// <param name="Sample">The same call through Grpc.Net.Client: throws unless it ends with grpc-status 0 (OK); returns the size of the response message.</param>
/// <param name="Effects">For a call that writes: how many of its writes exist so far (e.g. the caller's orders), so that the
/// calls that succeeded can be counted in the service's own data. Null for a read, whose response is then the same on every call.</param>
internal sealed record SingleRpc(string Name, Uri Target, IMessage Request, IReadOnlyDictionary<string, string> Headers, Func<Task<int>> Sample, Func<Task<long>>? Effects = null)
{
    public byte[] Frame { get; } = GrpcFrame.Of(Request);
}
