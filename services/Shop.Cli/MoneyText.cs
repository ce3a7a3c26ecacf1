using System.Globalization;
using Shop.Common.V1;

namespace Shop.Cli;

/// <summary>Amounts as people type and read them ("199.98"), exactly: decimal, never double.</summary>
internal static class MoneyText
{
    public static Money Parse(string text, string currency = "EUR")
    {
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            throw new FormatException($"'{text}' is not an amount (e.g. 99.99)");
        }
        return Money.FromDecimal(amount, currency);
    }

    public static string Format(Money? money) => money is null
        ? ""
        : $"{money.ToDecimal().ToString("0.00", CultureInfo.InvariantCulture)} {money.CurrencyCode}";
}
