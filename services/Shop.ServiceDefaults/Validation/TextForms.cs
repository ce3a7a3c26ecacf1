using System.Text.RegularExpressions;

namespace Shop.ServiceDefaults.Validation;

/// <summary>The forms of text protovalidate's standard rules name, as they define them.</summary>
internal static partial class TextForms
{
    /// <summary>Lengths count code points, as protovalidate's <c>min_len</c>/<c>max_len</c> do.</summary>
    public static long CodePoints(string value)
    {
        var pairs = 0;
        for (var i = 0; i + 1 < value.Length; i++)
        {
            if (char.IsSurrogatePair(value[i], value[i + 1])) pairs++;
        }
        return value.Length - pairs;
    }

    /// <summary>
    /// <c>[shop.common.v1.single_line]</c> (protos/shop/common/v1/text.proto): no C0 or C1 control character
    /// and no bidirectional embedding, override or isolate.
    /// </summary>
    public static bool IsSingleLine(string value)
    {
        foreach (var c in value)
        {
            if (c <= '\u001F' || c is >= '\u007F' and <= '\u009F' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>protovalidate's <c>uuid</c>: 8-4-4-4-12 hexadecimal digits, either case.</summary>
    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\z", RegexOptions.CultureInvariant)]
    public static partial Regex Uuid();

    /// <summary>protovalidate's <c>email</c>: the HTML standard's valid email address.</summary>
    [GeneratedRegex("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\z", RegexOptions.CultureInvariant)]
    public static partial Regex Email();

    /// <summary>
    /// A declared <c>pattern</c> (RE2 syntax) for .NET: a final <c>$</c> becomes <c>\z</c>, since in .NET
    /// <c>$</c> also matches before a trailing newline and RE2's does not. Patterns are ours, so a
    /// timeout only guards against a mistake in one.
    /// </summary>
    public static Regex Pattern(string re2) =>
        new(re2.EndsWith('$') && !re2.EndsWith("\\$", StringComparison.Ordinal) ? re2[..^1] + "\\z" : re2,
            RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
}
