using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;

namespace Shop.ServiceDefaults.Validation;

/// <summary>
/// Checks a request against the <c>buf.validate</c> rules declared in its proto (and in the messages it holds).
/// Rules are compiled on first use of each message type and kept.
/// </summary>
public sealed class RequestValidator
{
    /// <summary>More violations than this are not looked for: the answer stays small whatever the request.</summary>
    public const int MaxViolations = 20;

    private readonly ConcurrentDictionary<MessageDescriptor, Lazy<MessageRules>> rules = new();

    /// <returns>Every broken rule (up to <see cref="MaxViolations"/>), by field path such as <c>items[1].quantity</c>; empty when the request is valid.</returns>
    public IReadOnlyList<BadRequest.Types.FieldViolation> Validate(IMessage request)
    {
        var violations = new List<BadRequest.Types.FieldViolation>();
        RulesOf(request.Descriptor).Check(request, "", violations, MaxViolations);
        return violations;
    }

    /// <summary>Compiles the rules of a message type now; throws <see cref="NotSupportedException"/> naming a rule that is declared but not implemented.</summary>
    public void Prepare(MessageDescriptor descriptor)
    {
        var seen = new HashSet<MessageDescriptor>();
        var pending = new Stack<MessageDescriptor>([descriptor]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next)) continue;
            RulesOf(next);
            foreach (var field in next.Fields.InFieldNumberOrder().Where(f => f.FieldType == FieldType.Message)) pending.Push(field.MessageType);
        }
    }

    private MessageRules RulesOf(MessageDescriptor descriptor) =>
        rules.GetOrAdd(descriptor, d => new Lazy<MessageRules>(() => new MessageRules(d, RulesOf))).Value;
}
