using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;

namespace Shop.ServiceDefaults.Validation;

/// <summary>The declared rules of one message type, and of the messages it holds, compiled once.</summary>
internal sealed class MessageRules
{
    private readonly IReadOnlyList<DeclaredField> fields;
    private readonly IReadOnlyList<(FieldDescriptor Field, Func<MessageRules> Rules)> nested;

    public MessageRules(MessageDescriptor descriptor, Func<MessageDescriptor, MessageRules> rulesOf)
    {
        fields = descriptor.Fields.InFieldNumberOrder().Select(RuleCompiler.Compile).OfType<DeclaredField>().ToList();
        nested = descriptor.Fields.InFieldNumberOrder()
            .Where(f => f.FieldType == FieldType.Message && !f.IsMap)
            .Select(f => (f, (Func<MessageRules>)(() => rulesOf(f.MessageType))))
            .ToList();
    }

    /// <summary>Adds a violation for every broken rule, up to <paramref name="limit"/> in all.</summary>
    public void Check(IMessage message, string prefix, List<BadRequest.Types.FieldViolation> violations, int limit)
    {
        foreach (var declared in fields)
        {
            if (violations.Count >= limit) return;
            var field = declared.Field;
            var path = prefix + field.Name;
            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                if (declared.Required && list.Count == 0) Add(violations, path, "required", "is required");
                Apply(declared.ListChecks, list, path, violations);
                for (var i = 0; i < list.Count && violations.Count < limit; i++)
                {
                    Apply(declared.ValueChecks, list[i]!, $"{path}[{i}]", violations);
                }
            }
            else if (field.HasPresence && !field.Accessor.HasValue(message))
            {
                if (declared.Required) Add(violations, path, "required", "is required");
            }
            else
            {
                Apply(declared.ValueChecks, field.Accessor.GetValue(message), path, violations);
            }
        }
        foreach (var (field, rulesOf) in nested)
        {
            if (violations.Count >= limit) return;
            var path = prefix + field.Name;
            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                for (var i = 0; i < list.Count && violations.Count < limit; i++)
                {
                    rulesOf().Check((IMessage)list[i]!, $"{path}[{i}].", violations, limit);
                }
            }
            else if (field.Accessor.GetValue(message) is IMessage inner)
            {
                rulesOf().Check(inner, path + ".", violations, limit);
            }
        }
    }

    private static void Apply(IReadOnlyList<FieldCheck> checks, object value, string path, List<BadRequest.Types.FieldViolation> violations)
    {
        foreach (var check in checks)
        {
            if (check.Fails(value)) Add(violations, path, check.RuleId, check.Description);
        }
    }

    private static void Add(List<BadRequest.Types.FieldViolation> violations, string path, string ruleId, string description) =>
        violations.Add(new BadRequest.Types.FieldViolation { Field = path, Reason = ruleId, Description = description });
}
