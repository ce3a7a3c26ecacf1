// PostgreSQL for the services and tests: SHOP_POSTGRES (a connection string to an existing server, without a
// database), else a private cluster in .shop/pg on 127.0.0.1:$SHOP_PG_PORT (default 55432).

var externalPostgres = EnvironmentVariable("SHOP_POSTGRES");
var postgres = new PrivatePostgres(shopDir.Combine("pg").FullPath, EnvironmentVariable<int>("SHOP_PG_PORT", 55432), message => Information("{0}", message));

// Base connection string (no database) every service and test derives its own from.
string PostgresConnection() => externalPostgres ?? postgres.ConnectionString;

string ServiceConnection(string database) => $"{PostgresConnection()};Database={database}";

void StartPostgres()
{
    if (externalPostgres is not null)
    {
        Information("Using SHOP_POSTGRES; no private cluster started.");
        return;
    }
    postgres.Start();
    Information("PostgreSQL on 127.0.0.1:{0} (data in {1}).", postgres.Port, postgres.DataDirectory);
}

// Environment for everything that talks to PostgreSQL or loads the Pact engine.
Dictionary<string, string> MeshEnvironment() => new()
{
    ["SHOP_POSTGRES"] = PostgresConnection(),
    ["PACT_DO_NOT_TRACK"] = "true",
    ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
};
