using System.Collections.Concurrent;

namespace Shop.Testing;

/// <summary>
/// One fixture per test class, made on first use and disposed at assembly cleanup. Classes run in
/// parallel, each on its own fixture; tests within a class run one after another.
/// </summary>
public static class ClassFixtures<TFixture> where TFixture : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<Type, Lazy<Task<TFixture>>> Fixtures = new();

    public static Task<TFixture> ForAsync(Type testClass, Func<Task<TFixture>> create) =>
        Fixtures.GetOrAdd(testClass, _ => new Lazy<Task<TFixture>>(create)).Value;

    /// <summary>Disposes one class's fixture only: a class's cleanup must not reach the fixtures of classes still running.</summary>
    public static async Task DisposeAsync(Type testClass)
    {
        if (Fixtures.TryRemove(testClass, out var fixture) && fixture.IsValueCreated)
        {
            await (await fixture.Value).DisposeAsync();
        }
    }

    public static async Task DisposeAllAsync()
    {
        foreach (var fixture in Fixtures.Values.Where(f => f.IsValueCreated))
        {
            await (await fixture.Value).DisposeAsync();
        }
        Fixtures.Clear();
    }
}
