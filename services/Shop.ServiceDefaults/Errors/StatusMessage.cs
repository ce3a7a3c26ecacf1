using System.Globalization;
using System.Runtime.CompilerServices;

namespace Shop.ServiceDefaults.Errors;

/// <summary>
/// The text of a <see cref="DomainException"/>, written as an interpolated string: <c>$"user {id} not found"</c>.
/// Every interpolated value may be caller input, so each is cut to <see cref="MaxEchoedLength"/> characters
/// with "…": a 1 MB id comes back as its first 64 characters, not as a 1 MB trailer. Values are formatted
/// invariantly, so messages read the same on every machine.
/// </summary>
[InterpolatedStringHandler]
public ref struct StatusMessage
{
    /// <summary>The most characters of one interpolated value a message repeats.</summary>
    public const int MaxEchoedLength = 64;

    private DefaultInterpolatedStringHandler text;

    public StatusMessage(int literalLength, int formattedCount) =>
        text = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);

    public void AppendLiteral(string value) => text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public void AppendFormatted<T>(T value, string? format) =>
        text.AppendLiteral(Cut(value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value?.ToString()));

    public string ToStringAndClear() => text.ToStringAndClear();

    /// <summary>At most <see cref="MaxEchoedLength"/> characters of <paramref name="value"/>, then "…" if it was longer.</summary>
    public static string Cut(string? value)
    {
        if (value is null) return "";
        if (value.Length <= MaxEchoedLength) return value;
        // Never half a surrogate pair: that would not encode as UTF-8.
        var length = char.IsHighSurrogate(value[MaxEchoedLength - 1]) ? MaxEchoedLength - 1 : MaxEchoedLength;
        return string.Concat(value.AsSpan(0, length), "…");
    }
}
