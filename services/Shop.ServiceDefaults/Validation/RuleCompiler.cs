using Buf.Validate;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Shop.ServiceDefaults.Validation;

/// <summary>
/// Turns the <c>buf.validate</c> rules declared on a field into checks. Only the rules our protos use are
/// implemented natively (protovalidate's own C# runtime evaluates every rule as CEL, at 0.1–0.8 ms each);
/// a rule this does not know fails at compile time, naming the field, so no declared rule is ever ignored.
/// </summary>
internal static class RuleCompiler
{
    /// <summary>Our own rules on strings (protos/shop/common/v1/text.proto), by their predefined rule id.</summary>
    private static readonly Dictionary<string, Func<string, bool>> OwnStringRules = new(StringComparer.Ordinal)
    {
        ["string.single_line"] = TextForms.IsSingleLine,
    };

    public static DeclaredField? Compile(FieldDescriptor field)
    {
        var options = field.GetOptions();
        if (options is null || !options.HasExtension(ValidateExtensions.Field)) return null;
        var rules = options.GetExtension(ValidateExtensions.Field);
        if (!field.IsRepeated) return new DeclaredField(field, rules.Required, ValueChecks(field, rules), []);
        if (rules.TypeCase is not (FieldRules.TypeOneofCase.Repeated or FieldRules.TypeOneofCase.None)) throw NotSupported(field, rules.TypeCase.ToString());
        var rest = rules.Clone();
        rest.ClearRequired();
        rest.ClearType();
        Unsupported(field, rest, new FieldRules());
        var listRules = rules.Repeated ?? new RepeatedRules();
        return new DeclaredField(field, rules.Required, listRules.Items is { } items ? ValueChecks(field, items) : [], ListChecks(field, listRules));
    }

    /// <summary>The checks on one value: the field's own, or each item's of a list.</summary>
    private static List<FieldCheck> ValueChecks(FieldDescriptor field, FieldRules rules)
    {
        var rest = rules.Clone();
        rest.ClearType();
        rest.ClearRequired();
        Unsupported(field, rest, new FieldRules());
        return rules.TypeCase switch
        {
            FieldRules.TypeOneofCase.None => [],
            FieldRules.TypeOneofCase.String => StringChecks(field, rules.String),
            FieldRules.TypeOneofCase.Int32 => Int32Checks(field, rules.Int32),
            FieldRules.TypeOneofCase.Int64 => Int64Checks(field, rules.Int64),
            FieldRules.TypeOneofCase.Enum => EnumChecks(field, rules.Enum),
            FieldRules.TypeOneofCase.Timestamp => TimestampChecks(field, rules.Timestamp),
            var other => throw NotSupported(field, other.ToString()),
        };
    }

    private static List<FieldCheck> ListChecks(FieldDescriptor field, RepeatedRules rules)
    {
        var checks = new List<FieldCheck>();
        if (rules.HasMinItems)
        {
            var min = (int)Math.Min(rules.MinItems, int.MaxValue);
            checks.Add(new("repeated.min_items", $"must contain at least {min} item(s)", v => ((System.Collections.IList)v).Count < min));
        }
        if (rules.HasMaxItems)
        {
            var max = (int)Math.Min(rules.MaxItems, int.MaxValue);
            checks.Add(new("repeated.max_items", $"must contain no more than {max} item(s)", v => ((System.Collections.IList)v).Count > max));
        }
        var rest = rules.Clone();
        rest.ClearMinItems();
        rest.ClearMaxItems();
        rest.Items = null;
        Unsupported(field, rest, new RepeatedRules());
        return checks;
    }

    private static List<FieldCheck> StringChecks(FieldDescriptor field, StringRules rules)
    {
        var checks = new List<FieldCheck>();
        var rest = rules.Clone();
        rest.Example.Clear();
        if (rules.HasMinLen)
        {
            var min = rules.MinLen;
            checks.Add(new("string.min_len", $"must be at least {min} character(s)", v => TextForms.CodePoints((string)v) < (long)min));
            rest.ClearMinLen();
        }
        if (rules.HasMaxLen)
        {
            var max = rules.MaxLen;
            checks.Add(new("string.max_len", $"must be at most {max} character(s)", v => ((string)v).Length > (long)max && TextForms.CodePoints((string)v) > (long)max));
            rest.ClearMaxLen();
        }
        if (rules.HasPattern)
        {
            var pattern = TextForms.Pattern(rules.Pattern);
            checks.Add(new("string.pattern", $"does not match the pattern {rules.Pattern}", v => !pattern.IsMatch((string)v)));
            rest.ClearPattern();
        }
        switch (rules.WellKnownCase)
        {
            case StringRules.WellKnownOneofCase.None:
                break;
            case StringRules.WellKnownOneofCase.Uuid when rules.Uuid:
                checks.Add(new("string.uuid", "must be a UUID such as 0b5c8d1e-7f0a-4c57-9a53-3f1d2e6c4b21", v => !TextForms.Uuid().IsMatch((string)v)));
                rest.ClearWellKnown();
                break;
            case StringRules.WellKnownOneofCase.Email when rules.Email:
                checks.Add(new("string.email", "must be an email address", v => !TextForms.Email().IsMatch((string)v)));
                rest.ClearWellKnown();
                break;
            default:
                throw NotSupported(field, $"string.{rules.WellKnownCase}");
        }
        foreach (var extension in StringRuleExtensions(field.File))
        {
            var own = (Extension<StringRules, bool>)extension.Extension;
            if (!rules.HasExtension(own)) continue;
            rest.ClearExtension(own);
            if (!rules.GetExtension(own)) continue;
            foreach (var rule in extension.GetOptions().GetExtension(ValidateExtensions.Predefined).Cel)
            {
                var fails = OwnStringRules.TryGetValue(rule.Id, out var holds) ? holds : throw NotSupported(field, rule.Id);
                checks.Add(new(rule.Id, rule.Message, v => !fails((string)v)));
            }
        }
        Unsupported(field, rest, new StringRules());
        return checks;
    }

    private static List<FieldCheck> Int32Checks(FieldDescriptor field, Int32Rules rules)
    {
        var rest = rules.Clone();
        rest.Example.Clear();
        rest.ClearLessThan();
        rest.ClearGreaterThan();
        Unsupported(field, rest, new Int32Rules());
        return Bounds(field, "int32",
            rules.GreaterThanCase switch { Int32Rules.GreaterThanOneofCase.Gte => rules.Gte, Int32Rules.GreaterThanOneofCase.Gt => rules.Gt + 1L, _ => null },
            rules.LessThanCase switch { Int32Rules.LessThanOneofCase.Lte => rules.Lte, Int32Rules.LessThanOneofCase.Lt => rules.Lt - 1L, _ => null },
            v => (int)v);
    }

    private static List<FieldCheck> Int64Checks(FieldDescriptor field, Int64Rules rules)
    {
        var rest = rules.Clone();
        rest.Example.Clear();
        rest.ClearLessThan();
        rest.ClearGreaterThan();
        Unsupported(field, rest, new Int64Rules());
        if (rules.GreaterThanCase == Int64Rules.GreaterThanOneofCase.Gt && rules.Gt == long.MaxValue
            || rules.LessThanCase == Int64Rules.LessThanOneofCase.Lt && rules.Lt == long.MinValue)
        {
            throw NotSupported(field, "int64 bound that no value meets");
        }
        return Bounds(field, "int64",
            rules.GreaterThanCase switch { Int64Rules.GreaterThanOneofCase.Gte => rules.Gte, Int64Rules.GreaterThanOneofCase.Gt => rules.Gt + 1, _ => null },
            rules.LessThanCase switch { Int64Rules.LessThanOneofCase.Lte => rules.Lte, Int64Rules.LessThanOneofCase.Lt => rules.Lt - 1, _ => null },
            v => (long)v);
    }

    /// <summary>An inclusive range, either end open; gt/lt are turned into gte/lte of the next whole number.</summary>
    private static List<FieldCheck> Bounds(FieldDescriptor field, string type, long? min, long? max, Func<object, long> read) => (min, max) switch
    {
        ({ } lo, { } hi) => [new($"{type}.gte_lte", $"must be between {lo} and {hi}", v => read(v) is var x && (x < lo || x > hi))],
        ({ } lo, null) => [new($"{type}.gte", $"must be at least {lo}", v => read(v) < lo)],
        (null, { } hi) => [new($"{type}.lte", $"must be at most {hi}", v => read(v) > hi)],
        _ => [],
    };

    private static List<FieldCheck> EnumChecks(FieldDescriptor field, EnumRules rules)
    {
        var checks = new List<FieldCheck>();
        var rest = rules.Clone();
        rest.Example.Clear();
        if (rules.DefinedOnly)
        {
            var type = field.EnumType;
            checks.Add(new("enum.defined_only", $"must be one of the values of {type.Name}", v => type.FindValueByNumber(Convert.ToInt32(v)) is null));
        }
        rest.ClearDefinedOnly();
        if (rules.NotIn.Count > 0)
        {
            var refused = rules.NotIn.ToHashSet();
            var names = string.Join(", ", refused.Select(n => field.EnumType.FindValueByNumber(n)?.Name ?? n.ToString()));
            checks.Add(new("enum.not_in", $"must not be {names}", v => refused.Contains(Convert.ToInt32(v))));
            rest.NotIn.Clear();
        }
        Unsupported(field, rest, new EnumRules());
        return checks;
    }

    private static List<FieldCheck> TimestampChecks(FieldDescriptor field, TimestampRules rules)
    {
        var checks = new List<FieldCheck>();
        var rest = rules.Clone();
        rest.Example.Clear();
        switch (rules.GreaterThanCase)
        {
            case TimestampRules.GreaterThanOneofCase.None:
                break;
            case TimestampRules.GreaterThanOneofCase.Gt:
                var after = rules.Gt;
                checks.Add(new("timestamp.gt", $"must be after {after}", v => Compare((Timestamp)v, after) <= 0));
                rest.ClearGreaterThan();
                break;
            default:
                throw NotSupported(field, $"timestamp.{rules.GreaterThanCase}");
        }
        switch (rules.LessThanCase)
        {
            case TimestampRules.LessThanOneofCase.None:
                break;
            case TimestampRules.LessThanOneofCase.LtNow when rules.LtNow:
                checks.Add(new("timestamp.lt_now", "must be in the past", v => Compare((Timestamp)v, Timestamp.FromDateTime(DateTime.UtcNow)) >= 0));
                rest.ClearLessThan();
                break;
            default:
                throw NotSupported(field, $"timestamp.{rules.LessThanCase}");
        }
        Unsupported(field, rest, new TimestampRules());
        return checks;
    }

    /// <summary>Orders timestamps as protovalidate does, by seconds then nanos, whether or not they are normalised.</summary>
    private static int Compare(Timestamp a, Timestamp b) => (a.Seconds, a.Nanos).CompareTo((b.Seconds, b.Nanos));

    private static IEnumerable<FieldDescriptor> StringRuleExtensions(FileDescriptor file)
    {
        var seen = new HashSet<FileDescriptor>();
        var pending = new Stack<FileDescriptor>([file]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next)) continue;
            foreach (var extension in next.Extensions.UnorderedExtensions)
            {
                if (extension.ExtendeeType.FullName == StringRules.Descriptor.FullName && extension.FieldType == FieldType.Bool)
                {
                    yield return extension;
                }
            }
            foreach (var dependency in next.Dependencies) pending.Push(dependency);
        }
    }

    /// <summary>Whatever is left once the implemented rules are taken out must be nothing.</summary>
    private static void Unsupported<T>(FieldDescriptor field, T rest, T empty) where T : IMessage<T>
    {
        if (!rest.Equals(empty)) throw NotSupported(field, rest.ToString() ?? typeof(T).Name);
    }

    private static NotSupportedException NotSupported(FieldDescriptor field, string rule) =>
        new($"{field.FullName}: the declared rule {rule} is not implemented by Shop.ServiceDefaults.Validation");
}
