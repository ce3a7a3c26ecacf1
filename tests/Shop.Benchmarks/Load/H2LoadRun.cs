namespace Shop.Benchmarks.Load;

/// <summary>What one h2load run of a fixed number of calls saw.</summary>
/// <param name="Succeeded">Calls answered with HTTP 200: not yet grpc-status 0.</param>
/// <param name="Failed">Calls h2load counted as failed, errored or timed out.</param>
/// <param name="ResponseDataBytes">The payload of every DATA frame received: the gRPC response messages, each with its 5-byte prefix.</param>
/// <param name="LatenciesMs">Latency of each HTTP 200 call, sorted.</param>
internal sealed record H2LoadRun(double Seconds, long Succeeded, long Failed, long ResponseDataBytes, double[] LatenciesMs);
