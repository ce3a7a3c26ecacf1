using System.Text;
using System.Text.RegularExpressions;
using Buf.Validate;
using Google.Protobuf.Reflection;

namespace Shop.Mesh.Tests.Fuzz;

/// <summary>
/// Plausible values that keep to the rules a field declares (a UUID where one is asked for, a number in its
/// range, a defined enum value), so that bodies get past validation into the services' own code.
/// </summary>
public static class DeclaredValues
{
    private static readonly string[] Texts = ["Ada Lovelace", "EUR", "kitchen", "Teapot", "correct horse", "k1", ""];

    public static byte[] Text(Random random, FieldDescriptor field)
    {
        var rules = RulesOf(field)?.String;
        if (rules is { Uuid: true }) return Encoding.UTF8.GetBytes(Guid.CreateVersion7().ToString());
        if (rules is { Email: true }) return Encoding.UTF8.GetBytes($"fuzz{random.Next(1000)}@example.com");
        var fitting = Texts.Where(t => rules is null
            || (!rules.HasPattern || Regex.IsMatch(t, rules.Pattern)) && (ulong)t.Length >= rules.MinLen && (!rules.HasMaxLen || (ulong)t.Length <= rules.MaxLen)).ToArray();
        var pick = fitting.Length > 0 ? fitting : Texts;
        return Encoding.UTF8.GetBytes(pick[random.Next(pick.Length)]);
    }

    public static long Integer(Random random, FieldDescriptor field)
    {
        var rules = RulesOf(field);
        var (low, high) = rules?.TypeCase switch
        {
            FieldRules.TypeOneofCase.Int32 => (rules.Int32.HasGte ? rules.Int32.Gte : 0L, rules.Int32.HasLte ? rules.Int32.Lte : 100L),
            FieldRules.TypeOneofCase.Int64 => (rules.Int64.HasGte ? rules.Int64.Gte : 0L, rules.Int64.HasLte ? rules.Int64.Lte : 100L),
            _ => (0L, 100L),
        };
        // Mostly the small end of the range (0 when it is in it), where values are usually meant to be.
        var start = Math.Max(low, Math.Min(0, high));
        return random.Next(3) == 0 ? start : Math.Min(high, start + random.Next(0, 5));
    }

    public static int EnumNumber(Random random, FieldDescriptor field)
    {
        var refused = RulesOf(field)?.Enum?.NotIn ?? [];
        var allowed = field.EnumType.Values.Where(v => !refused.Contains(v.Number)).ToList();
        return allowed[random.Next(allowed.Count)].Number;
    }

    private static FieldRules? RulesOf(FieldDescriptor field) =>
        field.GetOptions() is { } options && options.HasExtension(ValidateExtensions.Field) ? options.GetExtension(ValidateExtensions.Field) : null;
}
