using System.Globalization;
using Shop.Common.V1;

namespace Shop.Web.Shopping;

/// <summary>Money as the pages show it, "199.98 EUR": from decimal, never double.</summary>
public static class MoneyAmount
{
    public const string DefaultCurrency = "EUR";

    public static string Format(Money? money) => money is null ? "" : Format(money.ToDecimal(), money.CurrencyCode);

    public static string Format(decimal amount, string currency) =>
        $"{amount.ToString("0.00", CultureInfo.InvariantCulture)} {currency}";
}
