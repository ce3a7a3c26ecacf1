using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Shop.Mesh.Tests.Fuzz;

/// <summary>Calls an RPC with a body of bytes as given, bypassing the generated client's serialisation.</summary>
public static class RawCall
{
    private static readonly Marshaller<byte[]> AsIs = Marshallers.Create(bytes => bytes, bytes => bytes);

    /// <returns>The call's status; OK when it answered.</returns>
    public static async Task<Status> SendAsync(CallInvoker invoker, MethodDescriptor rpc, byte[] body, Metadata? headers, TimeSpan deadline)
    {
        var method = new Method<byte[], byte[]>(MethodType.Unary, rpc.Service.FullName, rpc.Name, AsIs, AsIs);
        try
        {
            await invoker.AsyncUnaryCall(method, null, new CallOptions(headers, DateTime.UtcNow.Add(deadline)), body);
            return Status.DefaultSuccess;
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }
}
