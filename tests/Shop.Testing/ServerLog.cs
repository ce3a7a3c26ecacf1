using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Shop.Testing;

/// <summary>
/// What the in-process hosts of one test class log, so that an error on the server fails the test that
/// caused it even when the client saw the status the test expected (as grpc-dotnet's FunctionalTestBase
/// does). Every <see cref="GrpcServiceHost{TEntryPoint}"/> logs into the <see cref="Current"/> one when it is
/// made; each test assembly calls <see cref="BeginTest"/> and <see cref="EndTest"/> around every test, and
/// an Error or Critical entry the test did not declare with <see cref="ExpectErrors"/> fails it.
/// </summary>
/// <remarks>
/// Hosts are shared by the tests of a class, which run one after another, so one log per class holds
/// exactly what the running test caused; what is logged between two tests (background work winding
/// down) is dropped at the start of the next.
/// </remarks>
public sealed class ServerLog : ILoggerProvider
{
    private static readonly ConcurrentDictionary<string, ServerLog> ByTestClass = new();
    private static readonly AsyncLocal<ServerLog?> Ambient = new();

    private readonly ConcurrentQueue<ServerLogEntry> entries = new();
    private volatile Func<ServerLogEntry, bool>? expected;

    /// <summary>The running test class's log, which hosts made now log into; null outside a test.</summary>
    public static ServerLog? Current => Ambient.Value;

    /// <summary>The log of the test class named <paramref name="testClass"/> (its full name), made on first use.</summary>
    public static ServerLog ForTestClass(string testClass) => ByTestClass.GetOrAdd(testClass, _ => new ServerLog());

    /// <summary>Before each test: makes its class's log <see cref="Current"/>, empty, with no errors expected.</summary>
    public static void BeginTest(TestContext test)
    {
        var log = ForTestClass(test.FullyQualifiedTestClassName);
        log.entries.Clear();
        log.expected = null;
        Ambient.Value = log;
    }

    /// <summary>After each test: fails it with the errors its class's hosts logged that it did not expect.</summary>
    public static void EndTest(TestContext test) => ForTestClass(test.FullyQualifiedTestClassName).AssertNoUnexpectedErrors();

    /// <summary>
    /// Declares the errors the running test provokes on purpose (an outage it stages, say): entries
    /// <paramref name="isExpected"/> accepts do not fail it. Set once per test; the last call wins.
    /// </summary>
    public void ExpectErrors(Func<ServerLogEntry, bool> isExpected) => expected = isExpected;

    /// <summary>Every entry logged since the test began, in order.</summary>
    public IReadOnlyList<ServerLogEntry> Entries => [.. entries];

    /// <summary>The Error and Critical entries logged since the test began that it did not expect.</summary>
    public IReadOnlyList<ServerLogEntry> UnexpectedErrors()
    {
        var isExpected = expected;
        return [.. entries.Where(e => e.Level >= LogLevel.Error && !(isExpected?.Invoke(e) ?? false))];
    }

    public void AssertNoUnexpectedErrors()
    {
        var errors = UnexpectedErrors();
        if (errors.Count > 0)
        {
            throw new AssertFailedException(
                $"The server logged {errors.Count} unexpected error(s) during the test (declare deliberate ones with ServerLog.ExpectErrors):" +
                string.Concat(errors.Select(e => Environment.NewLine + "  " + e)));
        }
    }

    ILogger ILoggerProvider.CreateLogger(string categoryName) => new Logger(this, categoryName);

    // The hosts own the loggers; the log outlives them (one per test class).
    void IDisposable.Dispose()
    {
    }

    private sealed class Logger(ServerLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log.entries.Enqueue(new ServerLogEntry(category, logLevel, eventId, formatter(state, exception), exception));
        }
    }
}
