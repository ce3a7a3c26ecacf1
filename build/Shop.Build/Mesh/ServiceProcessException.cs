namespace Shop.Build.Mesh;

/// <summary>A service process that could not be started or read.</summary>
public sealed class ServiceProcessException(string message) : Exception(message);
