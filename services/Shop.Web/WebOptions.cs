namespace Shop.Web;

/// <summary>How the web app calls the mesh (section <c>Web</c>).</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>The deadline of every call to a service that sets none itself.</summary>
    public TimeSpan CallDeadline { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a panel whose service was unavailable asks again, until it answers.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often live panels (notifications) refresh themselves.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(3);

    public bool IsUsable => CallDeadline > TimeSpan.Zero && RetryInterval > TimeSpan.Zero && RefreshInterval > TimeSpan.Zero;
}
