namespace Shop.Benchmarks.Data;

/// <summary>
/// Seeded rows get ids made from a kind and a number, so pgbench scripts can name the same rows
/// with integer variables: <c>('0000000K-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid</c>.
/// </summary>
internal static class BenchIds
{
    public const int User = 1;
    public const int Product = 2;
    /// <summary>Pending orders the service's PayOrder pays.</summary>
    public const int ServicePendingOrder = 3;
    /// <summary>Pending orders pgbench's PayOrder script pays, numbered client * <see cref="PgBenchClientStride"/> + k.</summary>
    public const int PgBenchPendingOrder = 4;

    public const long PgBenchClientStride = 100_000;

    public static Guid Of(int kind, long n) => Guid.Parse($"{kind:x8}-0000-4000-8000-{n:D12}");

    /// <summary>
    /// The user whose notifications h2load's ListNotifications reads: numbered past the seeded accounts, so that no
    /// seeded order (whose owners are users 1 to <see cref="SeedSizes.Users"/>) ever brings them a new notification.
    /// </summary>
    public static Guid NotificationReader(SeedSizes sizes) => Of(User, sizes.Users + 1);

    /// <summary>The same id as SQL, for a column or number expression <paramref name="n"/>.</summary>
    public static string Sql(int kind, string n) => $"('{kind:x8}-0000-4000-8000-' || lpad(({n})::text, 12, '0'))::uuid";
}
