using System.Globalization;
using Shop.Common.V1;

namespace Shop.Testing;

/// <summary>Amounts as tests write them (<c>using static Shop.Testing.Amounts;</c>).</summary>
public static class Amounts
{
    /// <summary>An exact euro amount, e.g. Eur("199.98").</summary>
    public static Money Eur(string amount) => Money.FromDecimal(decimal.Parse(amount, CultureInfo.InvariantCulture), "EUR");
}
