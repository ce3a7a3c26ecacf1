namespace Shop.Build.Postgres;

/// <summary>The private PostgreSQL cluster could not be made or started; the message says what to do.</summary>
public sealed class PrivatePostgresException(string message) : Exception(message);
