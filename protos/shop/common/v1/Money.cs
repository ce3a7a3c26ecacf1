namespace Shop.Common.V1;

/// <summary>Exact conversions between the wire's units + nanos and <see cref="decimal"/>: never a double.</summary>
public sealed partial class Money
{
    /// <summary>The amount as a decimal, e.g. 199.98 for {units: 199, nanos: 980000000}; the currency is not checked.</summary>
    public decimal ToDecimal() => Units + Nanos / NanosPerUnit;

    /// <summary>
    /// <paramref name="amount"/> in <paramref name="currencyCode"/>, exactly up to nine decimal places
    /// (units and nanos carry the same sign).
    /// </summary>
    public static Money FromDecimal(decimal amount, string currencyCode)
    {
        var units = decimal.Truncate(amount);
        return new Money { CurrencyCode = currencyCode, Units = (long)units, Nanos = (int)((amount - units) * NanosPerUnit) };
    }

    private const decimal NanosPerUnit = 1_000_000_000m;
}
