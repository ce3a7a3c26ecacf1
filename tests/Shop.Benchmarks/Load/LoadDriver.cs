namespace Shop.Benchmarks.Load;

/// <summary>What makes an operation's calls, and so which echo figure stands for one of its gRPC hops.</summary>
internal enum LoadDriver
{
    /// <summary>nghttp2's h2load with a prebuilt request frame: single RPCs.</summary>
    H2Load,

    /// <summary>Grpc.Net.Client in a closed loop: multi-step flows (and PayOrder, whose every call needs another order); also the client of the services' calls to each other.</summary>
    GrpcNetClient,
}
