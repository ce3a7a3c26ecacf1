using Shop.Common.V1;
using Shop.ServiceDefaults.Grpc;
using static Shop.Orders.Orders.Euros;

namespace Shop.Orders.Grpc;

/// <summary>
/// Between <see cref="Money"/> (units + nanos) and <see cref="decimal"/> euros (<see cref="Orders.Euros"/>), exactly. Amounts the
/// service cannot hold exactly in <c>numeric(12,2)</c> are INVALID_ARGUMENT naming the field.
/// </summary>
internal static class MoneyMapping
{
    private const int NanosPerCent = 10_000_000;

    public static decimal ToEuros(Money? money, string field)
    {
        if (money is null) throw RequestValidation.Invalid(field, $"is required");
        if (money.CurrencyCode != Currency)
        {
            throw RequestValidation.Invalid($"{field}.currency_code", $"'{money.CurrencyCode}' is not supported; amounts are in {Currency}");
        }
        if (money.Nanos is < -999_999_999 or > 999_999_999)
        {
            throw RequestValidation.Invalid($"{field}.nanos", $"must be between -999999999 and 999999999");
        }
        if (money.Units > 0 && money.Nanos < 0 || money.Units < 0 && money.Nanos > 0)
        {
            throw RequestValidation.Invalid($"{field}.nanos", $"must have the same sign as units");
        }
        if (money.Nanos % NanosPerCent != 0)
        {
            throw RequestValidation.Invalid(field, $"must have at most 2 decimal places");
        }
        var euros = money.ToDecimal();
        return Math.Abs(euros) <= MaxAmount ? euros : throw RequestValidation.Invalid(field, $"must be at most {MaxAmount} {Currency}");
    }

    /// <summary>A positive amount, e.g. a price.</summary>
    public static decimal ToPositiveEuros(Money? money, string field)
    {
        var euros = ToEuros(money, field);
        return euros > 0 ? euros : throw RequestValidation.Invalid(field, $"must be positive");
    }

    public static Money ToMoney(this decimal euros) => Money.FromDecimal(euros, Currency);
}
