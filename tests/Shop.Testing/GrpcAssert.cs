using Grpc.Core;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Shop.Testing;

/// <summary>Assertions on gRPC calls, as every test project makes them (<c>using static Shop.Testing.GrpcAssert;</c>).</summary>
public static class GrpcAssert
{
    /// <summary>Asserts that <paramref name="call"/> fails with <paramref name="code"/>; the error, for more assertions on its status.</summary>
    public static async Task<RpcException> FailsWith(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsExactlyAsync<RpcException>(call);
        Assert.AreEqual(code, error.StatusCode, error.Status.Detail);
        return error;
    }
}
