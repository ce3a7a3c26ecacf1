using Shop.Benchmarks.Load;

namespace Shop.Benchmarks.Reference;

/// <summary>
/// What one call of an operation costs the machine at least: a gRPC hop per call made (by whom: the load generator, or
/// one service calling another), and the statements each database runs (a pgbench script per database).
/// </summary>
internal sealed record OperationShape(IReadOnlyList<LoadDriver> Hops, IReadOnlyList<(string Script, string Database)> Statements);
