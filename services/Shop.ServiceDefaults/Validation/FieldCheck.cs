namespace Shop.ServiceDefaults.Validation;

/// <summary>
/// One declared rule on one value: <paramref name="Fails"/> says whether the value breaks it, and
/// <see cref="RuleId"/> and <see cref="Description"/> (from the rule, never from the value) say how.
/// </summary>
internal sealed record FieldCheck(string RuleId, string Description, Func<object, bool> Fails);
