using Shop.Build.Pacts;

namespace Shop.Build.Tests;

/// <summary>Test's check that the pacts the consumer tests just wrote are the committed ones.</summary>
[TestClass]
public sealed class PactFilesTests
{
    private const string Pact = """
        {
          "consumer": { "name": "orders" },
          "provider": { "name": "users" },
          "interactions": [
            { "description": "a request for an existing user", "request": { "id": 1 }, "response": [{ "status": "OK" }] },
            { "description": "a request for an unknown user", "request": { "id": 2 }, "response": [{ "status": "NOT_FOUND" }] }
          ],
          "metadata": { "pactSpecification": { "version": "4.0" }, "pactRust": { "ffi": "0.4.28" } }
        }
        """;

    private string generated = null!;
    private string committed = null!;

    [TestInitialize]
    public void CreateFolders()
    {
        generated = Directory.CreateTempSubdirectory("pacts-generated-").FullName;
        committed = Directory.CreateTempSubdirectory("pacts-committed-").FullName;
    }

    [TestCleanup]
    public void DeleteFolders()
    {
        Directory.Delete(generated, recursive: true);
        Directory.Delete(committed, recursive: true);
    }

    [TestMethod]
    public void Key_order_interaction_order_and_the_engine_version_do_not_count()
    {
        Write(committed, "orders-users.json", Pact);
        Write(generated, "orders-users.json", """
            {
              "metadata": { "pactRust": { "ffi": "0.5.0" }, "pactSpecification": { "version": "4.0" } },
              "interactions": [
                { "response": [{ "status": "NOT_FOUND" }], "request": { "id": 2 }, "description": "a request for an unknown user" },
                { "description": "a request for an existing user", "request": { "id": 1 }, "response": [{ "status": "OK" }] }
              ],
              "provider": { "name": "users" },
              "consumer": { "name": "orders" }
            }
            """);

        Assert.IsEmpty(PactFiles.Differences(generated, committed));
    }

    [TestMethod]
    public void A_changed_new_or_dropped_interaction_is_named()
    {
        Write(committed, "orders-users.json", Pact);
        Write(generated, "orders-users.json", Pact
            .Replace("\"status\": \"NOT_FOUND\"", "\"status\": \"INVALID_ARGUMENT\"", StringComparison.Ordinal)
            .Replace("a request for an existing user", "a request for a user", StringComparison.Ordinal));

        CollectionAssert.AreEqual(new[]
        {
            "orders-users.json: new interaction 'a request for a user'",
            "orders-users.json: interaction 'a request for an existing user' no longer written",
            "orders-users.json: interaction 'a request for an unknown user' changed",
        }, PactFiles.Differences(generated, committed));
    }

    [TestMethod]
    public void A_changed_consumer_provider_or_specification_is_reported()
    {
        Write(committed, "orders-users.json", Pact);
        Write(generated, "orders-users.json", Pact.Replace("\"version\": \"4.0\"", "\"version\": \"3.0\"", StringComparison.Ordinal));

        CollectionAssert.AreEqual(new[] { "orders-users.json: consumer, provider or metadata changed" }, PactFiles.Differences(generated, committed));
    }

    [TestMethod]
    public void A_pact_only_written_or_only_committed_is_reported()
    {
        Write(generated, "orders-users.json", Pact);
        Write(committed, "users-orders.json", Pact);

        CollectionAssert.AreEqual(new[]
        {
            "orders-users.json: new, not in contracts/pacts",
            "users-orders.json: committed, but no consumer test wrote it",
        }, PactFiles.Differences(generated, committed));
    }

    private static void Write(string folder, string name, string json) => File.WriteAllText(Path.Combine(folder, name), json);
}
