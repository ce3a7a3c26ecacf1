using Shop.Common.V1;
using Shop.ServiceDefaults.Grpc;
using static Shop.Orders.Orders.Euros;

namespace Shop.Orders.Grpc;

/// <summary>
/// Between <see cref="Money"/> (units + nanos) and <see cref="decimal"/> euros (<see cref="Orders.Euros"/>), exactly. Amounts the
/// service cannot hold exactly in <c>numeric(12,2)</c> are INVALID_ARGUMENT naming the field. The declared rules have made the
/// amount present and bounded its units (±9,999,999,999, so at most <see cref="Orders.Euros.MaxAmount"/> with cents) and nanos.
/// </summary>
internal static class MoneyMapping
{
    private const int NanosPerCent = 10_000_000;

    public static decimal ToEuros(Money money, string field)
    {
        if (money.CurrencyCode != Currency)
        {
            throw RequestValidation.Invalid($"{field}.currency_code", $"'{money.CurrencyCode}' is not supported; amounts are in {Currency}");
        }
        if (money.Units > 0 && money.Nanos < 0 || money.Units < 0 && money.Nanos > 0)
        {
            throw RequestValidation.Invalid($"{field}.nanos", $"must have the same sign as units");
        }
        if (money.Nanos % NanosPerCent != 0)
        {
            throw RequestValidation.Invalid(field, $"must have at most 2 decimal places");
        }
        return money.ToDecimal();
    }

    /// <summary>A positive amount, e.g. a price.</summary>
    public static decimal ToPositiveEuros(Money money, string field)
    {
        var euros = ToEuros(money, field);
        return euros > 0 ? euros : throw RequestValidation.Invalid(field, $"must be positive");
    }

    public static Money ToMoney(this decimal euros) => Money.FromDecimal(euros, Currency);
}
