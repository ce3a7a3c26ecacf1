namespace Shop.ServiceDefaults.Neighbours;

/// <summary>One neighbour's address as read from its setting, named for the neighbour (<c>orders</c>); see <see cref="NeighbourClientExtensions"/>.</summary>
public sealed class NeighbourOptions
{
    /// <summary>The setting it is read from, e.g. <c>Services:Orders</c>.</summary>
    public string Key { get; set; } = "";

    /// <summary>The address, when the setting holds one of <see cref="NeighbourAddress"/>'s forms.</summary>
    public NeighbourAddress? Address { get; set; }

    /// <summary>Otherwise, what to set: the message start-up fails with.</summary>
    public string? Problem { get; set; }
}
