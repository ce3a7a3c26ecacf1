using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Shop.Contracts.Pact;
using Shop.Contracts.Pact.Provider;
using Shop.Contracts.Testing;
using Shop.ServiceDefaults.Grpc;
using Shop.Testing;
using Money = Shop.Common.V1.Money;
using Next = Shop.Orders.Contracts.Tests.Next;
using OrdersV1 = Shop.Orders.V1;
using Renamed = Shop.Orders.Contracts.Tests.Renamed;
using Renumbered = Shop.Orders.Contracts.Tests.Renumbered;
using Swapped = Shop.Orders.Contracts.Tests.Swapped;

namespace Shop.Orders.Contracts.Tests.Provider;

/// <summary>
/// Proves the committed orders pacts can fail: the real orders host (real service, real database) with
/// a deliberate change applied in the test. Breaking changes must fail verification naming the
/// interaction and what differs; compatible ones must pass. One host for the class.
/// </summary>
[TestClass]
[TestCategory(ContractCategories.Provider)]
public sealed class OrdersProviderChangeTests
{
    private const string PaidOrderListing = "a request for the orders of a user with a paid order";
    private const string EmptyListing = "a request for the orders of a user with no orders";
    private const string PaidOrderQuestion = "a question whether a user with a paid order has any order";
    private const string EmptyQuestion = "a question whether a user with no orders has any order";
    private const string FirstPage = "a request for the first page of the orders of a user with more orders than a page";
    private const string SecondPage = "a request for the second page of the orders of a user with more orders than a page";

    private OrdersProvider provider = null!;

    [TestInitialize]
    public async Task ShareTheHost() =>
        provider = await ClassFixtures<OrdersProvider>.ForAsync(GetType(), OrdersProvider.CreateAsync);

    [TestMethod]
    public async Task ListOrders_admitting_callers_without_credentials_breaks_users()
    {
        // e.g. ListOrders marked [AllowAnonymous]: anyone could list any user's orders. The credentialed calls still pass.
        using var _ = provider.AdmitAnonymousCallers();

        var result = await provider.Verifier().RunAsync();

        VerificationAssert.OnlyFails(result, "a request for the orders of a user with a paid order without credentials", "grpc-status", "UNAUTHENTICATED");
    }

    [TestMethod]
    public async Task ListOrders_leaving_the_total_empty_breaks_users()
    {
        // e.g. a "lighter" listing that leaves the amount to GetOrder: users would show orders without a total.
        using var _ = provider.Change.Apply(ChangingOrders(order => order.Total = null));

        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(() => provider.Verifier().VerifyAsync());

        StringAssert.Contains(ex.Message, $"FAILED '{PaidOrderListing}'");
        // The paid order the listing must contain (its exact total among its fields) is not among those answered.
        StringAssert.Contains(ex.Message, "$.orders");
        StringAssert.Contains(ex.Message, "\"total\":{\"currencyCode\":\"EUR\",\"nanos\":500000000,\"units\":\"12\"}");
        StringAssert.Contains(ex.Message, "was not found in the actual list");
        // Deleting a user reads only whether there is an order, not what it costs.
        Assert.DoesNotContain($"FAILED '{PaidOrderQuestion}'", ex.Message);
    }

    [TestMethod]
    public async Task ListOrders_answering_a_zero_total_breaks_users()
    {
        // e.g. a total summed from a column a migration left empty: well-formed Money, wrong amount.
        using var _ = provider.Change.Apply(ChangingOrders(order => order.Total = new Money { CurrencyCode = "EUR" }));

        var result = await provider.Verifier().RunAsync();

        Assert.IsFalse(result.Passed);
        var listing = result.Interactions.Single(i => i.Description == PaidOrderListing);
        Assert.IsFalse(listing.Passed);
        Assert.IsTrue(listing.Mismatches.Any(m => m.Contains("$.orders", StringComparison.Ordinal) && m.Contains("\"units\":\"12\"", StringComparison.Ordinal)),
            result.Describe());
    }

    [TestMethod]
    public async Task Renaming_the_paid_status_breaks_users()
    {
        // ORDER_STATUS_PAID renamed ORDER_STATUS_SETTLED (same number): users shows orders' status names to its clients.
        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(() =>
            provider.Verifier(Renamed.OrderService.Descriptor).VerifyAsync());

        StringAssert.Contains(ex.Message, $"FAILED '{PaidOrderListing}'");
        StringAssert.Contains(ex.Message, "$.orders");
        StringAssert.Contains(ex.Message, "\"status\":\"ORDER_STATUS_PAID\"");
        StringAssert.Contains(ex.Message, "was not found in the actual list");
        Assert.DoesNotContain($"FAILED '{PaidOrderQuestion}'", ex.Message);
    }

    [TestMethod]
    public async Task Renumbering_the_status_field_breaks_users()
    {
        // Order.status moved from field 3 to 9: the same proto JSON, but users' generated code reads field 3.
        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(() =>
            provider.Verifier(Renumbered.OrderService.Descriptor).VerifyAsync());

        StringAssert.Contains(ex.Message, $"FAILED '{PaidOrderListing}'");
        StringAssert.Contains(ex.Message, "shop.orders.v1.Order.status: consumer expects field 3 (enum shop.orders.v1.OrderStatus), provider has field 9");
    }

    [TestMethod]
    public async Task Swapping_the_numbers_of_paid_and_fulfilled_breaks_users()
    {
        // Names unchanged, numbers swapped: users' generated code would take every paid order for a fulfilled one.
        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(() =>
            provider.Verifier(Swapped.OrderService.Descriptor).VerifyAsync());

        StringAssert.Contains(ex.Message, $"FAILED '{PaidOrderListing}'");
        StringAssert.Contains(ex.Message, "shop.orders.v1.OrderStatus.ORDER_STATUS_PAID: consumer expects 2, provider has 3");
        StringAssert.Contains(ex.Message, "shop.orders.v1.OrderStatus.ORDER_STATUS_FULFILLED: consumer expects 3, provider has 2");
    }

    [TestMethod]
    public async Task ListOrders_answering_NOT_FOUND_for_a_user_without_orders_breaks_users()
    {
        // Users would take it for an orders outage: every user without orders would become undeletable.
        using var _ = provider.Change.Apply(async (method, request, callService) =>
        {
            var response = await callService();
            return response is OrdersV1.ListOrdersResponse { Orders.Count: 0 }
                ? throw new RpcException(new Status(StatusCode.NotFound, "the user has no orders"))
                : response;
        });

        var result = await provider.Verifier().RunAsync();

        Assert.IsFalse(result.Passed);
        foreach (var description in new[] { EmptyListing, EmptyQuestion })
        {
            var interaction = result.Interactions.Single(i => i.Description == description);
            Assert.IsFalse(interaction.Passed, description);
            Assert.IsTrue(interaction.Mismatches.Any(m => m.Contains("grpc-status", StringComparison.Ordinal) && m.Contains("NOT_FOUND", StringComparison.Ordinal)),
                result.Describe());
        }

        Assert.IsTrue(result.Interactions.Single(i => i.Description == PaidOrderListing).Passed, result.Describe());
    }

    [TestMethod]
    public async Task ListOrders_omitting_the_users_orders_breaks_users()
    {
        using var _ = provider.OmitUsersOrders();

        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(() => provider.Verifier().VerifyAsync());

        StringAssert.Contains(ex.Message, $"FAILED '{PaidOrderListing}'");
        StringAssert.Contains(ex.Message, $"FAILED '{PaidOrderQuestion}'");
        StringAssert.Contains(ex.Message, "$.orders");
        Assert.DoesNotContain($"FAILED '{EmptyListing}'", ex.Message);
        Assert.DoesNotContain($"FAILED '{EmptyQuestion}'", ex.Message);
    }

    [TestMethod]
    public async Task ListOrders_with_a_new_field_and_a_new_rpc_still_meets_the_pacts()
    {
        // What a newer orders build puts on the wire: Order.paid_at (field 8), unknown to this build's types.
        var paidAt = new Next.Order { PaidAt = Timestamp.FromDateTime(new DateTime(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc)) }.ToByteString();
        using var _ = provider.Change.Apply(ChangingOrders(order => order.MergeFrom(paidAt)));
        var seen = await ListAPaidOrderAsync();
        Assert.IsNotNull(seen.Orders.Single().PaidAt, "the changed provider really sends the new field");

        var result = await provider.Verifier(Next.OrderService.Descriptor).VerifyAsync();

        Assert.IsTrue(result.Passed, result.Describe());
    }

    [TestMethod]
    public async Task Listing_orders_without_their_items_does_not_concern_users()
    {
        // Users shows an order's id, status, total and time, never its lines: orders may stop listing them.
        using var _ = provider.Change.Apply(ChangingOrders(order => order.Items.Clear()));
        var seen = await ListAPaidOrderAsync();
        Assert.IsEmpty(seen.Orders.Single().Items, "the changed provider really leaves the items out");

        var result = await provider.Verifier().VerifyAsync();

        Assert.IsTrue(result.Passed, result.Describe());
    }

    [TestMethod]
    public async Task ListOrders_ignoring_the_page_size_breaks_users()
    {
        // e.g. a hard cap of 20: users would silently show a user only their 20 newest orders.
        using var _ = provider.Change.Apply(ChangingListings(listing =>
        {
            while (listing.Orders.Count > 20)
            {
                listing.Orders.RemoveAt(listing.Orders.Count - 1);
            }
        }));

        AssertFailsOnly(await provider.Verifier().RunAsync(), FirstPage, "$.orders", passing: PaidOrderListing);
    }

    [TestMethod]
    public async Task ListOrders_ignoring_the_page_token_breaks_users()
    {
        // Every page would be the first: users would list the newest page over and over, never the rest.
        using var _ = provider.Change.Apply((method, request, callService) =>
        {
            if (request is OrdersV1.ListOrdersRequest listing)
            {
                listing.PageToken = "";
            }

            return callService();
        });

        AssertFailsOnly(await provider.Verifier().RunAsync(), SecondPage, "$.orders[0].orderId", passing: FirstPage);
    }

    [TestMethod]
    public async Task ListOrders_listing_the_oldest_first_breaks_users()
    {
        // Users shows the newest orders first and, past its cap, only the newest: the order matters to it.
        using var _ = provider.Change.Apply(ListingOldestFirst);

        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(() => provider.Verifier().VerifyAsync());

        StringAssert.Contains(ex.Message, $"FAILED '{SecondPage}'");
        StringAssert.Contains(ex.Message, "$.orders[0].orderId");
    }

    [TestMethod]
    public async Task ListOrders_answering_another_id_than_the_seeded_one_breaks_users()
    {
        // Right format, wrong value: the order's id filled with the user's.
        using var _ = provider.Change.Apply(ChangingOrders(order => order.OrderId = order.UserId));

        AssertFailsOnly(await provider.Verifier().RunAsync(), PaidOrderListing, "$.orders", passing: FirstPage);
    }

    [TestMethod]
    public async Task ListOrders_answering_another_instant_than_the_seeded_one_breaks_users()
    {
        // Right format, wrong value: the time the listing ran instead of the time the order was placed.
        using var _ = provider.Change.Apply(ChangingOrders(order => order.CreatedAt = Timestamp.FromDateTime(DateTime.UtcNow)));

        AssertFailsOnly(await provider.Verifier().RunAsync(), PaidOrderListing, "$.orders", passing: EmptyListing);
    }

    [TestMethod]
    public async Task An_older_pending_order_beside_the_paid_one_does_not_concern_users()
    {
        // A fixture change on orders' side: the user also has an older PENDING order of 3.00.
        provider.OlderPendingOrderTotal = 3.00m;
        try
        {
            var result = await provider.Verifier().VerifyAsync();

            Assert.IsTrue(result.Passed, result.Describe());
        }
        finally
        {
            provider.OlderPendingOrderTotal = null;
        }
    }

    // The interaction failing names the field; one the change does not concern still passes.
    private static void AssertFailsOnly(GrpcPactVerificationResult result, string failing, string field, string passing)
    {
        var failed = result.Interactions.Single(i => i.Description == failing);
        Assert.IsFalse(failed.Passed, result.Describe());
        Assert.IsTrue(failed.Mismatches.Any(m => m.Contains(field, StringComparison.Ordinal)), result.Describe());
        Assert.IsTrue(result.Interactions.Single(i => i.Description == passing).Passed, result.Describe());
    }

    // The same pages cut from the user's orders turned around, oldest first: the real service pages through them all first.
    private static async Task<object> ListingOldestFirst(string method, object request, Func<Task<object>> callService)
    {
        if (request is not OrdersV1.ListOrdersRequest listing)
        {
            return await callService();
        }

        var offset = PageToken.Offset(listing.PageToken);
        var newestFirst = new List<OrdersV1.Order>();
        listing.PageToken = "";
        do
        {
            var page = (OrdersV1.ListOrdersResponse)await callService();
            newestFirst.AddRange(page.Orders);
            listing.PageToken = page.NextPageToken;
        }
        while (listing.PageToken.Length > 0);

        var oldestFirst = Enumerable.Reverse(newestFirst).Skip(offset).Take(listing.PageSize).ToList();
        var answer = new OrdersV1.ListOrdersResponse { NextPageToken = PageToken.Next(offset, listing.PageSize, oldestFirst.Count) };
        answer.Orders.AddRange(oldestFirst);
        return answer;
    }

    // A change to every listing ListOrders answers with.
    private static ProviderChange.Change ChangingListings(Action<OrdersV1.ListOrdersResponse> change) => async (method, request, callService) =>
    {
        var response = await callService();
        if (response is OrdersV1.ListOrdersResponse listing)
        {
            change(listing);
        }

        return response;
    };

    // A change to every order ListOrders answers with.
    private static ProviderChange.Change ChangingOrders(Action<OrdersV1.Order> change) => async (method, request, callService) =>
    {
        var response = await callService();
        if (response is OrdersV1.ListOrdersResponse listing)
        {
            foreach (var order in listing.Orders)
            {
                change(order);
            }
        }

        return response;
    };

    // One paid order through the changed host, as a client of the newer API sees it; the database is emptied after.
    private async Task<Next.ListOrdersResponse> ListAPaidOrderAsync()
    {
        const string userId = "5e0d7a4c-1b2f-4c3d-9e8f-7a6b5c4d3e2f";
        try
        {
            await provider.SetUpAsync("a user has a paid order", new Dictionary<string, object?>
            {
                ["userId"] = userId,
                ["orderId"] = "7b1e3d5f-2a4c-4e6b-8d0f-9a1c3e5b7d92",
                ["total"] = "12.50",
                ["createdAt"] = "2026-03-14T09:26:53Z",
            });
            return await new Next.OrderService.OrderServiceClient(provider.ConsumerChannel)
                .ListOrdersAsync(new Next.ListOrdersRequest { UserId = userId, PageSize = 100 });
        }
        finally
        {
            await provider.Database.ResetAsync();
        }
    }
}
