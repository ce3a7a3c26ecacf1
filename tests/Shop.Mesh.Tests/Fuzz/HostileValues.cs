using System.Text;
using Google.Protobuf.Reflection;

namespace Shop.Mesh.Tests.Fuzz;

/// <summary>
/// The hostile values the fuzzer puts in fields, by protobuf type: boundaries, undefined enum numbers, control
/// and bidi characters, invalid UTF-8 on the wire, a megabyte of text.
/// </summary>
public static class HostileValues
{
    private static readonly long[] Integers =
    [
        0, 1, -1, 2, 20, 100, 101, 10_000, 10_001, 1_000_000, 1_000_001, -1_000_000, -1_000_001,
        int.MaxValue, int.MinValue, (long)int.MaxValue + 1, 9_999_999_999, 10_000_000_000, -62_135_596_800, 253_402_300_800,
        long.MaxValue, long.MinValue,
    ];

    private static readonly double[] Reals = [0, -0.0, 1, -1, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.Epsilon];

    private static readonly string[] Texts =
    [
        "", " ", "a\0b", "\0", "Ada \u001b[31mred\u001b[0m", "line\r\nbreak", "tab\there", "\u0085", "\u007f", "\u202eevil", "\u2066iso\u2069",
        "'; DROP TABLE users; --", "%s%n%x", "${jndi:x}", "\ud83d\ude00", "ＡＤＡ@ｅｘａｍｐｌｅ.ｃｏｍ", "00000000-0000-0000-0000-000000000000",
        "O2:", "bzox", new string('x', 255), new string('é', 101),
    ];

    /// <summary>Bytes no UTF-8 decoder should accept: a stray 0xFF, an overlong NUL, a UTF-16 surrogate, a lone continuation, a cut sequence.</summary>
    private static readonly byte[][] InvalidUtf8 = [[0x61, 0xFF, 0x62], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x80], [0xE2, 0x82]];

    public static long Integer(Random random) => Integers[random.Next(Integers.Length)];

    public static double Real(Random random) => Reals[random.Next(Reals.Length)];

    public static int EnumNumber(Random random, EnumDescriptor type) =>
        random.Next(2) == 0 ? new[] { 99, -1, int.MaxValue, int.MinValue }[random.Next(4)] : type.Values[random.Next(type.Values.Count)].Number;

    /// <summary>The bytes of a string field as they go on the wire, valid UTF-8 or not.</summary>
    public static byte[] Text(Random random) => random.Next(20) switch
    {
        0 => Encoding.UTF8.GetBytes(new string('7', 1 << 20)),
        1 or 2 or 3 => InvalidUtf8[random.Next(InvalidUtf8.Length)],
        _ => Encoding.UTF8.GetBytes(Texts[random.Next(Texts.Length)]),
    };
}
