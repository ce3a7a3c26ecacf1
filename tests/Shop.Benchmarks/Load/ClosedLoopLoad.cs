using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Shop.Benchmarks.Hosting;

namespace Shop.Benchmarks.Load;

/// <summary>
/// A closed-loop load: <c>concurrency</c> workers each issue a call, wait for its answer and issue
/// the next, so exactly that many calls are in flight. A warm-up (JIT, pools, connections, caches)
/// comes first; then calls completing inside a fixed window are counted and timed.
/// </summary>
/// <param name="cpu">Measures where CPU time goes in the window, when given.</param>
internal sealed class ClosedLoopLoad(TimeSpan warmUp, TimeSpan window, CpuMeter? cpu = null)
{
    /// <param name="call">One call (or flow) by worker <c>i</c>; throwing counts as an error.</param>
    /// <param name="settle">Waits for the background work the calls leave (see <see cref="LoadResult.Settling"/>), when they leave any.</param>
    public async Task<LoadResult> RunAsync(int concurrency, Func<int, Task> call, Func<Task<TimeSpan>>? settle = null)
    {
        var windowStart = long.MaxValue;
        var windowEnd = long.MaxValue;
        var stop = 0;
        var errorsByStatus = new ConcurrentDictionary<string, int>();
        var errorExamples = new ConcurrentDictionary<string, string>();
        var latencies = new List<long>[concurrency];
        var errors = new int[concurrency];

        async Task WorkAsync(int worker)
        {
            var mine = latencies[worker] = new List<long>(16_384);
            while (Volatile.Read(ref stop) == 0)
            {
                var started = Stopwatch.GetTimestamp();
                Exception? error = null;
                try
                {
                    await call(worker);
                }
                catch (Exception e)
                {
                    error = e;
                }
                var ended = Stopwatch.GetTimestamp();
                if (ended < Volatile.Read(ref windowStart) || ended > Volatile.Read(ref windowEnd)) continue;
                if (error is null)
                {
                    mine.Add(ended - started);
                }
                else
                {
                    errors[worker]++;
                    var status = error is RpcException rpc ? rpc.StatusCode.ToString() : error.GetType().Name;
                    errorsByStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
                    errorExamples.TryAdd(status, error is RpcException r ? r.Status.Detail : error.Message);
                }
            }
        }

        var workers = Enumerable.Range(0, concurrency).Select(i => Task.Run(() => WorkAsync(i))).ToArray();
        // Rounds of warm-up until the services' JIT is quiet, when it is measured (see CpuMeter.WarmUpAsync).
        var warmedUp = warmUp;
        if (cpu is null) await Task.Delay(warmUp);
        else warmedUp = await cpu.WarmUpAsync(async () =>
        {
            await Task.Delay(warmUp);
            return true;
        });
        var cpuWindow = cpu?.Start();
        var start = Stopwatch.GetTimestamp();
        Volatile.Write(ref windowStart, start);
        await Task.Delay(window);
        var end = Stopwatch.GetTimestamp();
        Volatile.Write(ref windowEnd, end);
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(workers);
        var settling = TimeSpan.Zero;
        if (settle is not null)
        {
            settling = await settle();
            end = Stopwatch.GetTimestamp();
        }
        var cpuUse = cpuWindow?.Stop();

        var sorted = latencies.SelectMany(l => l).Select(ticks => ticks * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        return new LoadResult(concurrency, (end - start) / (double)Stopwatch.Frequency, sorted, errors.Sum(), errorsByStatus, errorExamples, cpuUse, settling, warmedUp);
    }
}
