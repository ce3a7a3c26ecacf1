using System.Text.Json.Nodes;
using Shop.Contracts.Pact.Provider;

namespace Shop.Contracts.Pact.Tests.Provider;

/// <summary>Reading the engine's JSON report (its shape as <c>pactffi_verifier_json</c> writes it).</summary>
[TestClass]
public sealed class VerifierReportTests
{
    private const string Delivery = "delivery of an order paid event";
    private const string Redelivery = "redelivery of an order paid event";

    [TestMethod]
    public void Mismatches_go_to_the_interaction_named_exactly_not_one_whose_name_contains_it()
    {
        // Only the redelivery failed; its description contains the delivery's.
        var json = Report(
            (Delivery, "the order event has not been delivered", null),
            (Redelivery, "the order event has been delivered", "Expected true (Boolean) but received false (Boolean)"));

        var result = VerifierReport.Read("notifications", engineSucceeded: false, output: string.Empty, json);

        var delivery = result.Interactions.Single(i => i.Description == Delivery);
        var redelivery = result.Interactions.Single(i => i.Description == Redelivery);
        Assert.IsTrue(delivery.Passed);
        Assert.IsEmpty(delivery.Mismatches, string.Join("; ", delivery.Mismatches));
        Assert.HasCount(1, redelivery.Mismatches);
        StringAssert.Contains(redelivery.Mismatches[0], "body $.duplicate: Expected true");
        Assert.IsEmpty(result.Errors, "every error belongs to an interaction");
    }

    [TestMethod]
    public void Error_that_names_no_verified_interaction_is_kept_and_fails_the_result()
    {
        var json = JsonNode.Parse(Report((Delivery, "the order event has not been delivered", null)))!;
        json["errors"]!.AsArray().Add(Error("Verifying a pact between orders and notifications - another interaction", "boom"));

        var result = VerifierReport.Read("notifications", engineSucceeded: false, output: string.Empty, json.ToJsonString());

        Assert.IsFalse(result.Passed);
        Assert.HasCount(1, result.Errors);
        StringAssert.Contains(result.Errors[0], "another interaction");
    }

    private static string Report(params (string Description, string State, string? Mismatch)[] interactions)
    {
        var errors = new JsonArray();
        var results = new JsonArray();
        foreach (var (description, state, mismatch) in interactions)
        {
            var result = new JsonObject
            {
                ["consumer"] = "orders",
                ["provider"] = "notifications",
                ["description"] = description,
                ["providerStates"] = new JsonArray(state),
                ["result"] = mismatch is null ? "OK" : "Error",
            };
            results.Add(result);
            if (mismatch is not null)
            {
                errors.Add(Error($"Verifying a pact between orders and notifications Given {state} - {description}", mismatch));
            }
        }

        return new JsonObject { ["errors"] = errors, ["interactionResults"] = results }.ToJsonString();
    }

    private static JsonObject Error(string interaction, string mismatch) => new()
    {
        ["interaction"] = interaction,
        ["mismatch"] = new JsonObject
        {
            ["type"] = "mismatches",
            ["mismatches"] = new JsonArray(new JsonObject
            {
                ["type"] = "BodyMismatch",
                ["path"] = "$.duplicate",
                ["mismatch"] = mismatch,
            }),
        },
    };
}
