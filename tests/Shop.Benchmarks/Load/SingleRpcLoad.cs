using Shop.Benchmarks.Hosting;

namespace Shop.Benchmarks.Load;

/// <summary>
/// A single-RPC operation under h2load, with proof that every call ended with grpc-status 0, which h2load cannot see
/// (a gRPC error is HTTP 200 too): the call is made through Grpc.Net.Client before and after the run and must be OK
/// both times; then a read must have received exactly one response message of the sample's size per call (grpc-dotnet
/// sends a unary call's message only with status OK; an error carries none), and a write must have left exactly one
/// write per call in the service's own data.
/// </summary>
internal sealed class SingleRpcLoad(H2Load h2Load, TimeSpan warmUp, TimeSpan window, CpuMeter cpu)
{
    /// <param name="settle">Waits for the background work the calls leave (see <see cref="LoadResult.Settling"/>), when they leave any.</param>
    public async Task<LoadResult> RunAsync(SingleRpc rpc, int concurrency, Func<Task<TimeSpan>>? settle = null)
    {
        var before = await rpc.Sample();
        // A process reaches its speed only after its code is recompiled optimised (tiered JIT, PGO), later on a busy
        // machine: rounds of warm-up until the rate stops climbing (under 5% more than the round before) and the
        // services' JIT is quiet (see CpuMeter.WarmUpAsync).
        var rate = 0.0;
        var warmedUp = await cpu.WarmUpAsync(async () =>
        {
            var previous = rate;
            rate = await h2Load.WarmUpAsync(rpc.Target, rpc.Frame, rpc.Headers, concurrency, warmUp);
            return rate < previous * 1.05;
        });
        // A fixed number of calls (about the window's worth at the warm-up's rate) rather than a duration, so that
        // every call started also completes and the byte and row counts below are exact.
        var calls = Math.Max(1_000, (long)(rate * window.TotalSeconds));
        // The warm-up's own background work (its outbox deliveries) is done before the window opens, not inside it.
        if (settle is not null) await settle();
        var effectsBefore = rpc.Effects is null ? 0 : await rpc.Effects();
        var cpuWindow = cpu.Start();
        var run = await h2Load.MeasureAsync(rpc.Target, rpc.Frame, rpc.Headers, concurrency, calls);
        var settling = settle is null ? TimeSpan.Zero : await settle();
        var cpuUse = cpuWindow.Stop();
        var effectsAfter = rpc.Effects is null ? 0 : await rpc.Effects();
        var after = await rpc.Sample();

        var errors = new Dictionary<string, int>();
        var examples = new Dictionary<string, string>();
        void Error(string kind, long count, string example)
        {
            if (count <= 0) return;
            errors[kind] = (int)count;
            examples[kind] = example;
        }
        Error("HTTP failure", calls - run.Succeeded, $"h2load: {run.Succeeded} of {calls} calls answered HTTP 200 ({run.Failed} failed, errored or timed out)");
        if (rpc.Effects is not null)
        {
            var written = effectsAfter - effectsBefore;
            Error("not OK", run.Succeeded - written, $"{written} writes in the service's data for {run.Succeeded} calls");
        }
        else if (before != after)
        {
            Error("response changed", 1, $"the sample's response was {before} bytes before the run and {after} after: the byte count proves nothing");
        }
        else
        {
            var frame = before + GrpcFrame.PrefixBytes;
            if (run.ResponseDataBytes != run.Succeeded * frame)
            {
                Error("not OK", Math.Max(1, run.Succeeded - run.ResponseDataBytes / frame),
                    $"{run.ResponseDataBytes} response bytes for {run.Succeeded} calls answering {frame} each");
            }
        }
        return new LoadResult(concurrency, run.Seconds + settling.TotalSeconds, run.LatenciesMs, errors.Values.Sum(), errors, examples, cpuUse, settling, warmedUp);
    }
}
