using System.Globalization;
using Shop.Common.V1;

namespace Shop.Web.Shopping;

/// <summary>Money between the wire and the page, exactly: decimal, never double.</summary>
public static class MoneyAmount
{
    public const string DefaultCurrency = "EUR";

    public static decimal ToDecimal(this Money money) => money.Units + money.Nanos / 1_000_000_000m;

    public static Money ToMoney(this decimal amount, string currency = DefaultCurrency)
    {
        var units = decimal.Truncate(amount);
        return new Money { CurrencyCode = currency, Units = (long)units, Nanos = (int)((amount - units) * 1_000_000_000m) };
    }

    /// <summary>"199.98 EUR".</summary>
    public static string Format(Money? money) => money is null
        ? ""
        : $"{money.ToDecimal().ToString("0.00", CultureInfo.InvariantCulture)} {money.CurrencyCode}";

    public static string Format(decimal amount, string currency) =>
        $"{amount.ToString("0.00", CultureInfo.InvariantCulture)} {currency}";
}
