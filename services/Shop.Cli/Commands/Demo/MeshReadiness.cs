namespace Shop.Cli.Commands.Demo;

/// <summary>
/// Waits for what the mesh does in its own time (the outbox delivering a notification, the circuit breaker
/// letting calls through again) for as long as the services keep answering: a slow machine makes the wait
/// longer, not red. It gives up when a service is down or NOT_SERVING on two checks in a row, or after a
/// ceiling meant to catch a hang, not slowness.
/// </summary>
internal static class MeshReadiness
{
    private static readonly TimeSpan Ceiling = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);

    /// <param name="probe">Null while what is awaited has not happened yet.</param>
    public static async Task<T> UntilAsync<T>(MeshConnection mesh, string what, Func<Task<T?>> probe, CancellationToken ct) where T : class
    {
        var giveUpAt = DateTime.UtcNow + Ceiling;
        var pause = TimeSpan.FromMilliseconds(100);
        string? downBefore = null;
        while (true)
        {
            if (await probe() is { } value) return value;
            // A health check that only ran out of time is a busy service, not a broken one.
            var statuses = await HealthCommand.StatusesAsync(mesh, ct);
            var down = statuses.Where(s => s.Status is not (HealthCommand.Serving or "DEADLINE_EXCEEDED")).Select(s => $"{s.Name} {s.Status}").FirstOrDefault();
            if (down is not null && downBefore is not null) throw new DemoStepFailed($"{what}: {down}");
            downBefore = down;
            if (DateTime.UtcNow > giveUpAt) throw new DemoStepFailed($"{what}: still waiting after {Ceiling.TotalMinutes:0} minutes");
            await Task.Delay(pause, ct);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }
}
