using Dapper;
using Npgsql;
using Shop.ServiceDefaults.Data;

namespace Shop.Orders.Data;

internal sealed class ProductRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, name, price, stock, category, created_at";

    private const string InsertSql = $"""
        INSERT INTO products (id, name, price, stock, category)
        VALUES (@Id, @Name, @Price, @Stock, @Category)
        RETURNING {Columns}
        """;

    public Task<ProductRecord> InsertAsync(Guid id, string name, decimal price, int stock, string category, CancellationToken ct) =>
        dataSource.RunAsync(connection => connection.QuerySingleAsync<ProductRecord>(new CommandDefinition(
            InsertSql, new { Id = id, Name = name, Price = price, Stock = stock, Category = category }, cancellationToken: ct)), ct);

    public Task<ProductRecord?> FindAsync(Guid id, CancellationToken ct) =>
        dataSource.RunAsync(connection => connection.QuerySingleOrDefaultAsync<ProductRecord>(
            new CommandDefinition($"SELECT {Columns} FROM products WHERE id = @id", new { id }, cancellationToken: ct)), ct);

    /// <returns>The products that exist among <paramref name="ids"/>, by id.</returns>
    public Task<IReadOnlyDictionary<Guid, ProductRecord>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) => dataSource.RunAsync<IReadOnlyDictionary<Guid, ProductRecord>>(async connection =>
    {
        var rows = await connection.QueryAsync<ProductRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM products WHERE id = ANY(@ids)", new { ids = ids.ToArray() }, cancellationToken: ct));
        return rows.ToDictionary(p => p.Id);
    }, ct);

    private const string PageSql = $"""
        SELECT {Columns} FROM products
        WHERE @category = '' OR category = @category
        ORDER BY name, id
        OFFSET @offset LIMIT @limit
        """;

    /// <param name="category">Empty for every category.</param>
    public Task<IReadOnlyList<ProductRecord>> ListAsync(string category, int offset, int limit, CancellationToken ct) => dataSource.RunAsync<IReadOnlyList<ProductRecord>>(async connection =>
    {
        var rows = await connection.QueryAsync<ProductRecord>(new CommandDefinition(PageSql, new { category, offset, limit }, cancellationToken: ct));
        return rows.AsList();
    }, ct);

    // The sum in bigint, so a stock near the limit is refused here rather than overflowing integer (22003).
    private const string AdjustStockSql = $"""
        UPDATE products SET stock = stock + @delta
        WHERE id = @id AND stock::bigint + @delta BETWEEN 0 AND @max
        RETURNING {Columns}
        """;

    /// <returns>
    /// The product with its new stock, or null when there is no such product or the stock would go below zero
    /// or past <see cref="StockLimit.Max"/>.
    /// </returns>
    public Task<ProductRecord?> AdjustStockAsync(Guid id, int delta, CancellationToken ct) =>
        dataSource.RunAsync(connection => connection.QuerySingleOrDefaultAsync<ProductRecord>(new CommandDefinition(
            AdjustStockSql, new { id, delta, max = StockLimit.Max }, cancellationToken: ct)), ct);

    /// <returns>False when there was no product with that id.</returns>
    /// <exception cref="ProductInUseException">An order item refers to the product.</exception>
    public Task<bool> DeleteAsync(Guid id, CancellationToken ct) => dataSource.RunAsync(async connection =>
    {
        try
        {
            return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM products WHERE id = @id", new { id }, cancellationToken: ct)) == 1;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new ProductInUseException(id);
        }
    }, ct);

    // The WHERE makes the check and the decrement one atomic step: a concurrent payment waits for
    // this row's lock, then re-reads the stock it left, so stock never goes below zero.
    private const string TakeStockSql = """
        UPDATE products SET stock = stock - @quantity
        WHERE id = @productId AND stock >= @quantity
        """;

    /// <returns>False, changing nothing, when fewer than <paramref name="quantity"/> are in stock.</returns>
    public async Task<bool> TakeStockAsync(NpgsqlTransaction transaction, Guid productId, int quantity, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            TakeStockSql, new { productId, quantity }, transaction, cancellationToken: ct)) == 1;

    /// <summary>Puts <paramref name="quantity"/> back into stock, up to <see cref="StockLimit.Max"/>.</summary>
    /// <returns>The units that did not fit under the limit and were dropped; usually 0.</returns>
    public async Task<int> ReturnStockAsync(NpgsqlTransaction transaction, Guid productId, int quantity, CancellationToken ct)
    {
        // Locked before it is read, so the units that fit are computed from the stock that is changed.
        var connection = transaction.Connection!;
        var stock = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT stock FROM products WHERE id = @productId FOR UPDATE", new { productId }, transaction, cancellationToken: ct));
        var returned = (int)Math.Min(quantity, (long)StockLimit.Max - stock);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE products SET stock = stock + @returned WHERE id = @productId", new { productId, returned }, transaction, cancellationToken: ct));
        return quantity - returned;
    }

    public async Task<int> StockAsync(NpgsqlTransaction transaction, Guid productId, CancellationToken ct) =>
        await transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT stock FROM products WHERE id = @productId", new { productId }, transaction, cancellationToken: ct));
}
