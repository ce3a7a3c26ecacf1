namespace Shop.Orders.Users;

internal sealed class UserDirectoryOptions
{
    public const string Section = "UserDirectory";

    /// <summary>The configuration key of the users service's address(es), e.g. http://127.0.0.1:5101 (see NeighbourAddress).</summary>
    public const string AddressKey = "Services:Users";

    /// <summary>How long a lookup may take before the users service counts as unavailable (or less, if the incoming call's deadline is sooner).</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(2);
}
