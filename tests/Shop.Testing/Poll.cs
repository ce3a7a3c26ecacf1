namespace Shop.Testing;

/// <summary>
/// Waiting for what happens in the background (a delivery, a health status, a log line): read until it
/// holds, at most for a bound, instead of sleeping a fixed time.
/// </summary>
public static class Poll
{
    /// <returns>
    /// The first value <paramref name="done"/> accepts, or the last one read when <paramref name="bound"/>
    /// ran out: the caller asserts on it, so a failure shows what was seen.
    /// </returns>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan bound, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow >= deadline) return value;
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100));
        }
    }
}
