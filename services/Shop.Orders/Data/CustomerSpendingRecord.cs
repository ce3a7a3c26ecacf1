namespace Shop.Orders.Data;

/// <summary>One user's paid and fulfilled orders, summed; the average is rounded half away from zero to the cent.</summary>
internal sealed record CustomerSpendingRecord(Guid UserId, int OrderCount, decimal TotalSpent, decimal AverageOrderValue);
