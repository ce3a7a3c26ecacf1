using Grpc.Core;
using Shop.Benchmarks.V1;

namespace Shop.Benchmarks.Echo;

internal sealed class EchoGrpcService : EchoService.EchoServiceBase
{
    public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoResponse { Payload = request.Payload });
}
