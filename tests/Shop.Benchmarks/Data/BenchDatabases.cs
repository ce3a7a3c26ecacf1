using Npgsql;
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

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;

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
    /// <param name="pgBenchClients">How many pgbench clients pay orders, each from its own numbered range.</param>
    public async Task SeedAsync(SeedSizes sizes, int pgBenchClients)
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
        await SeedPendingOrdersAsync(
            BenchIds.PgBenchPendingOrder,
            $"(SELECT c * {BenchIds.PgBenchClientStride} + k AS n FROM generate_series(0, {pgBenchClients - 1}) c, generate_series(1, {sizes.PgBenchOrdersPerClient}) k) numbers",
            sizes, price);

        // User u (1..NotifiedUsers) has NotificationsPerUser notifications, a second apart.
        await ExecuteAsync(Notifications, $"""
            INSERT INTO notifications (id, event_id, user_id, order_id, type, message, occurred_at)
            SELECT gen_random_uuid(), gen_random_uuid(), {BenchIds.Sql(BenchIds.User, $"1 + (n - 1) % {sizes.NotifiedUsers}")}, gen_random_uuid(),
                   'order_placed', 'Your order has been placed.', now() - n * interval '1 second'
            FROM generate_series(1, {sizes.NotifiedUsers * sizes.NotificationsPerUser}) n
            """);

        foreach (var database in MeshTopology.Services.Select(Name))
        {
            await ExecuteAsync(database, "VACUUM ANALYZE");
        }
        await ExecuteAsync(Orders, "CHECKPOINT");
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
