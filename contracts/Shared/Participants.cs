namespace Shop.Contracts.Testing;

/// <summary>The mesh's services as pact files name them (<c>&lt;consumer&gt;-&lt;provider&gt;.json</c>).</summary>
internal static class Participants
{
    public const string Orders = "orders";
    public const string Users = "users";
    public const string Notifications = "notifications";
}
