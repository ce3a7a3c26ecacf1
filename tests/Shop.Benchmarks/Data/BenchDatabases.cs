using Npgsql;
using Shop.Benchmarks.Reference;
using Shop.Build.Mesh;

namespace Shop.Benchmarks.Data;

/// <summary>
/// The benchmark's own databases on the build's PostgreSQL (never the Run or test databases):
/// dropped before each run so every run starts from the same data, created and migrated by the
/// services themselves at start-up, then seeded here in bulk SQL.
/// </summary>
internal sealed class BenchDatabases(string serverConnectionString)
{
    public static readonly string Users = Name(MeshTopology.Users);
    public static readonly string Orders = Name(MeshTopology.Orders);
    public static readonly string Notifications = Name(MeshTopology.Notifications);

    /// <summary>The service's benchmark database: shop_bench_users and so on.</summary>
    public static string Name(MeshService service) => $"shop_bench_{service.Name}";

    /// <param name="maxPoolSize">For a service: its Max Pool Size, when not its own choice.</param>
    public string ConnectionString(string database, int? maxPoolSize = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database };
        if (maxPoolSize is { } size) builder.MaxPoolSize = size;
        return builder.ConnectionString;
    }

    public async Task DropAsync()
    {
        await using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        await admin.OpenAsync();
        foreach (var database in MeshTopology.Services.Select(Name))
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Users, products with plenty of stock, pending orders to pay, and notifications to list.</summary>
    public async Task SeedAsync(SeedSizes sizes)
    {
        var user = BenchIds.Sql(BenchIds.User, "n");
        await ExecuteAsync(Users, $"""
            INSERT INTO users (id, email, name, password_hash)
            SELECT {user}, 'bench-' || n || '@example.com', 'Bench User ' || n, 'not a password hash: bench users never log in'
            FROM generate_series(1, {sizes.Users}) n
            """);

        var price = SeedSizes.Price.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ExecuteAsync(Orders, $"""
            INSERT INTO products (id, name, price, stock, category)
            SELECT {BenchIds.Sql(BenchIds.Product, "n")}, 'Bench product ' || n, {price}, {SeedSizes.Stock}, 'bench'
            FROM generate_series(1, {sizes.Products}) n
            """);
        // Order n belongs to user 1 + n % users and holds one of product 1 + n % products, as pay.sql expects.
        await SeedPendingOrdersAsync(BenchIds.ServicePendingOrder, $"generate_series(1, {sizes.ServicePendingOrders}) n", sizes, price);
        // pgbench's: each run of pay_order.sql with c clients pays about the same number of orders in all, so client i
        // (used by the runs of more than i clients) needs fewer the more clients its runs have.
        var perClient = string.Join(" ", PgBenchSweep.Clients.Select(c => $"WHEN c < {c} THEN {sizes.PgBenchOrdersPerRun / c}"));
        await SeedPendingOrdersAsync(
            BenchIds.PgBenchPendingOrder,
            $"(SELECT c * {BenchIds.PgBenchClientStride} + k AS n FROM generate_series(0, {PgBenchSweep.Clients.Max() - 1}) c, " +
            $"LATERAL generate_series(1, CASE {perClient} END) k) numbers",
            sizes, price);

        // User u (1..NotifiedUsers) has NotificationsPerUser notifications, a second apart, and so has h2load's reader.
        var notified = BenchIds.Sql(BenchIds.User, $"CASE WHEN n <= {sizes.NotificationsPerUser} THEN {sizes.Users + 1} ELSE 1 + (n - 1) % {sizes.NotifiedUsers} END");
        await ExecuteAsync(Notifications, $"""
            INSERT INTO notifications (id, event_id, user_id, order_id, type, message, occurred_at)
            SELECT gen_random_uuid(), gen_random_uuid(), {notified}, gen_random_uuid(),
                   'order_placed', 'Your order has been placed.', now() - n * interval '1 second'
            FROM generate_series(1, {(sizes.NotifiedUsers + 1) * sizes.NotificationsPerUser}) n
            """);

        foreach (var database in MeshTopology.Services.Select(Name))
        {
            await ExecuteAsync(database, "VACUUM ANALYZE");
        }
        await ExecuteAsync(Orders, "CHECKPOINT");
    }

    /// <summary>Makes the orders pgbench's pay_order.sql paid pending again, so the next run pays the same ones.</summary>
    public Task UnpayPgBenchOrdersAsync() => ExecuteAsync(Orders, $"""
        DELETE FROM payments WHERE order_id >= '{BenchIds.Of(BenchIds.PgBenchPendingOrder, 0)}' AND order_id < '{BenchIds.Of(BenchIds.PgBenchPendingOrder + 1, 0)}';
        UPDATE orders SET status = 'pending' WHERE id >= '{BenchIds.Of(BenchIds.PgBenchPendingOrder, 0)}' AND id < '{BenchIds.Of(BenchIds.PgBenchPendingOrder + 1, 0)}' AND status <> 'pending';
        """);

    /// <summary>How many orders the user has: the PlaceOrder calls that succeeded, for a user only they place orders for.</summary>
    public async Task<long> CountOrdersAsync(string userId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(Orders));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM orders WHERE user_id = @user", connection);
        count.Parameters.AddWithValue("user", Guid.Parse(userId));
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Waits until the orders outbox has delivered every event to notifications, checking every 50 ms: an operation's
    /// events are part of its work, and a backlog left by one operation must not run during the next one's window.
    /// </summary>
    /// <returns>How long it took.</returns>
    public async Task<TimeSpan> WaitForOutboxAsync(TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(ConnectionString(Orders));
        await connection.OpenAsync();
        await using var undelivered = new NpgsqlCommand("SELECT count(*) FROM order_events WHERE delivered_at IS NULL", connection);
        while ((long)(await undelivered.ExecuteScalarAsync())! is var left && left > 0)
        {
            if (clock.Elapsed > timeout) throw new BenchFailed($"The orders outbox still held {left} undelivered events after {timeout.TotalSeconds:0} s; see the orders log.");
            await Task.Delay(50);
        }
        return clock.Elapsed;
    }

    private async Task SeedPendingOrdersAsync(int kind, string numbers, SeedSizes sizes, string price)
    {
        var order = BenchIds.Sql(kind, "n");
        await ExecuteAsync(Orders, $"""
            INSERT INTO orders (id, user_id, status, total)
            SELECT {order}, {BenchIds.Sql(BenchIds.User, $"1 + n % {sizes.Users}")}, 'pending', {price}
            FROM {numbers};
            INSERT INTO order_items (order_id, product_id, product_name, quantity, unit_price)
            SELECT {order}, {BenchIds.Sql(BenchIds.Product, $"1 + n % {sizes.Products}")}, 'Bench product ' || (1 + n % {sizes.Products}), 1, {price}
            FROM {numbers};
            """);
    }

    private async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync();
    }
}
