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
        var units = decimal.Truncate(amount);
        return new Money { CurrencyCode = currency, Units = (long)units, Nanos = (int)((amount - units) * 1_000_000_000m) };
    }

    public static string Format(Money? money) => money is null
        ? ""
        : $"{(money.Units + money.Nanos / 1_000_000_000m).ToString("0.00", CultureInfo.InvariantCulture)} {money.CurrencyCode}";
}
