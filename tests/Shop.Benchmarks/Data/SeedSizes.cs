namespace Shop.Benchmarks.Data;

/// <summary>How much data the benchmarks seed; pgbench scripts get the same numbers as variables.</summary>
/// <param name="PgBenchOrdersPerRun">Pending orders each pgbench run of pay_order.sql may pay (split among its clients):
/// more than the fastest run pays in its window (they are made pending again after each run).</param>
internal sealed record SeedSizes(int Users, int Products, int NotifiedUsers, int NotificationsPerUser, int ServicePendingOrders, int PgBenchOrdersPerRun)
{
    public static SeedSizes Default { get; } = new(
        Users: 10_000,
        Products: 1_000,
        NotifiedUsers: 1_000,
        NotificationsPerUser: 20,
        ServicePendingOrders: 60_000,
        PgBenchOrdersPerRun: 40_000);

    /// <summary>Stock per product: never the reason a payment fails.</summary>
    public const int Stock = 100_000_000;

    /// <summary>Every seeded product costs this, and every seeded order is one of them.</summary>
    public const decimal Price = 9.99m;
}
