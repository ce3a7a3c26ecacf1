using Microsoft.Extensions.Logging;

namespace Shop.Testing;

/// <summary>One entry an in-process host logged (see <see cref="ServerLog"/>).</summary>
public sealed record ServerLogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    public override string ToString() =>
        $"{Level} {Category}[{EventId.Id}]: {Message}" + (Exception is null ? "" : $"{Environment.NewLine}    {Exception.GetType().Name}: {Exception.Message}");
}
