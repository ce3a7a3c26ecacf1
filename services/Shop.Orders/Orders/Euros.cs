using System.Globalization;

namespace Shop.Orders.Orders;

/// <summary>Amounts in the shop: exact <see cref="decimal"/> euros, stored as <c>numeric(12,2)</c>.</summary>
internal static class Euros
{
    public const string Currency = "EUR";

    /// <summary>The largest amount a <c>numeric(12,2)</c> column holds.</summary>
    public const decimal MaxAmount = 9_999_999_999.99m;

    /// <summary>How amounts appear in messages, e.g. "199.98 EUR".</summary>
    public static string Display(decimal euros) => $"{euros.ToString("0.00", CultureInfo.InvariantCulture)} {Currency}";
}
