namespace Shop.ServiceDefaults.Auth;

/// <summary>Which service of the mesh this process is (<c>users</c>, <c>orders</c>, <c>notifications</c>): the audience of its service tokens.</summary>
public sealed record MeshService(string Name)
{
    /// <summary>The services of the mesh, whose development keys are made on first use.</summary>
    public static readonly IReadOnlyList<string> All = ["users", "orders", "notifications"];
}
