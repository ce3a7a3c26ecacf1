namespace Shop.Benchmarks.Reference;

/// <summary>An operation's bound on this machine (see <see cref="Ceilings"/>) and how it was made.</summary>
internal sealed record Bound(double CallsPerSecond, string Formula);
