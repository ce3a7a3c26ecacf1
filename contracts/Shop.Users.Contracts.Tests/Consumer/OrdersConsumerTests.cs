using System.Globalization;
using Grpc.Core;
using Shop.Common.V1;
using Shop.Contracts.Pact;
using Shop.Contracts.Pact.Consumer;
using Shop.Contracts.Pact.Matchers;
using Shop.Contracts.Testing;
using Shop.Orders.V1;
using Shop.Testing.Auth;
using Shop.Users.Grpc;
using Shop.Users.Orders;

namespace Shop.Users.Contracts.Tests.Consumer;

/// <summary>
/// Users asks orders for a user's orders (<see cref="OrderHistory"/>, through ListOrders). Listing them
/// (ListUserOrders) it pages 100 at a time until <c>next_page_token</c> is empty and shows each order's id,
/// status, total and creation time; deleting a user (DeleteUser) it asks for one order and reads only
/// whether there is one. The contract pins those and nothing else of an order (items, user, updated_at).
/// Users' real registration makes the calls: client factory, deadline, retry policy, circuit breaker.
/// </summary>
[TestClass]
[TestCategory(ContractCategories.Consumer)]
public sealed class OrdersConsumerTests
{
    public const string UserWithOrderId = "3c7e1a9b-5d2f-4e8a-b6c4-1f0d9e8a7b65";
    public const string PaidOrderId = "8a4f2c6e-1b3d-4f5a-9c7e-2d0b1a3c5e74";
    public const string UserWithoutOrdersId = "e2b9d4f1-6a8c-4b3e-8d5f-7c1a0e9b2d46";
    public const string UserWithCancelledOrderId = "5b1d7e3a-9c2f-4a6b-8e4d-0f3c2b1a9d87";
    public const string CancelledOrderId = "c6e8a0b2-4d1f-4c3e-a5b7-9d8f7e6c5b43";
    public const string UserWithManyOrdersId = "9d2e4f6a-8b1c-4d3e-a5f7-0b2c4d6e8f13";
    public const string NewestOrderId = "1f3a5c7e-9b2d-4e6f-8a1c-3e5a7c9e1b24";
    public const string OldestOrderId = "6b8d0f2a-4c6e-4a8b-9d1f-5a7c9e1b3d58";

    /// <summary>The paid order's total, as the provider state seeds it (euros, orders' only currency).</summary>
    public const string PaidOrderTotal = "12.50";

    private const string Uuid = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    // The largest page orders serves, which users asks for.
    private const int PageSize = 100;

    private const string PlacedAtText = "2026-03-14T09:26:53Z";

    private static readonly DateTime PlacedAt = DateTime.Parse(PlacedAtText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    private static readonly DateTime NewestPlacedAt = new(2026, 4, 2, 16, 5, 0, DateTimeKind.Utc);

    // The state seeds a page and one order more, a minute apart, newest first.
    private static readonly DateTime OldestPlacedAt = NewestPlacedAt.AddMinutes(-PageSize);

    [TestMethod]
    public async Task OrderHistory_lists_a_users_paid_order_with_its_status_and_total()
    {
        var pact = OrdersPact();
        pact.UponReceiving("a request for the orders of a user with a paid order")
            .Given("a user has a paid order", new { userId = UserWithOrderId, orderId = PaidOrderId, total = PaidOrderTotal, createdAt = PlacedAtText })
            .WithRequest<ListOrdersRequest>(OrderService.Descriptor, Listing(UserWithOrderId))
            .WithUserAndServiceTokens()
            // An empty next_page_token (left out: the default) is what ends the listing: a page holds the user's orders.
            .WillRespond(new
            {
                // The seeded order among the user's orders; others the provider has for the user do not concern this contract.
                orders = Match.Containing(new
                {
                    // What users shows: the order the state seeded, with its status, amount and instant.
                    orderId = Match.FromProviderState("${orderId}", PaidOrderId),
                    status = Match.Equality(OrderStatus.Paid),
                    total = new
                    {
                        currencyCode = Match.Equality("EUR"),
                        units = Match.Equality(12),
                        nanos = Match.Equality(500_000_000),
                    },
                    createdAt = Match.FromProviderState("${createdAt}", PlacedAt),
                }),
            });

        await pact.VerifyAsync(async ctx =>
        {
            await using var users = OrderHistoryHost.For(ctx.Address);
            users.ServeUser(TestTokens.User(Guid.Parse(UserWithOrderId)));
            var orders = await users.Get<OrderHistory>().ListAsync(Guid.Parse(UserWithOrderId), CancellationToken.None);

            var shown = orders.Select(o => o.ToUserOrder()).Single();
            Assert.AreEqual(PaidOrderId, shown.OrderId);
            Assert.AreEqual("ORDER_STATUS_PAID", shown.Status);
            Assert.AreEqual(new Money { CurrencyCode = "EUR", Units = 12, Nanos = 500_000_000 }, shown.Total);
            Assert.AreEqual(PlacedAt, shown.CreatedAt.ToDateTime());
        });
    }

    [TestMethod]
    public async Task OrderHistory_follows_the_page_token_to_a_second_page_newest_first()
    {
        var pact = OrdersPact();
        var state = new { userId = UserWithManyOrdersId, pageSize = PageSize, total = PaidOrderTotal, newestOrderId = NewestOrderId, newestCreatedAt = "2026-04-02T16:05:00Z", oldestOrderId = OldestOrderId };
        pact.UponReceiving("a request for the first page of the orders of a user with more orders than a page")
            .Given("a user has more orders than one page", state)
            .WithRequest<ListOrdersRequest>(OrderService.Descriptor, Listing(UserWithManyOrdersId))
            .WithUserAndServiceTokens()
            // A full page (page_size honoured), more to come; the newest order is on it, so the oldest is not.
            .WillRespond(new
            {
                orders = Match.EachLike(new
                {
                    orderId = Match.Regex(NewestOrderId, Uuid),
                    status = Match.Equality(OrderStatus.Paid),
                    total = new { currencyCode = Match.Type("EUR"), units = Match.Int64(12), nanos = Match.Integer(500_000_000) },
                    createdAt = Match.Timestamp(NewestPlacedAt),
                }, min: PageSize),
                nextPageToken = Match.NonEmpty(SecondPageToken),
            });
        pact.UponReceiving("a request for the second page of the orders of a user with more orders than a page")
            .Given("a user has more orders than one page", state)
            // The token the first page gave, as only the provider makes it.
            .WithRequest<ListOrdersRequest>(OrderService.Descriptor, new
            {
                userId = Match.Regex(UserWithManyOrdersId, Uuid),
                pageSize = PageSize,
                pageToken = Match.FromProviderState("${pageToken}", SecondPageToken),
            })
            .WithUserAndServiceTokens()
            // Newest first: what is left after a page is the oldest order, and nothing after it.
            .WillRespond(new
            {
                orders = Match.EachLike(new
                {
                    orderId = Match.FromProviderState("${oldestOrderId}", OldestOrderId),
                    status = Match.Equality(OrderStatus.Paid),
                    total = new { currencyCode = Match.Type("EUR"), units = Match.Int64(12), nanos = Match.Integer(500_000_000) },
                    createdAt = Match.Timestamp(OldestPlacedAt),
                }),
            });

        await pact.VerifyAsync(async ctx =>
        {
            await using var users = OrderHistoryHost.For(ctx.Address);
            users.ServeUser(TestTokens.User(Guid.Parse(UserWithManyOrdersId)));
            var orders = await users.Get<OrderHistory>().ListAsync(Guid.Parse(UserWithManyOrdersId), CancellationToken.None);

            // The mock answers one example order per page: both pages were asked for, in order.
            CollectionAssert.AreEqual(new[] { NewestOrderId, OldestOrderId }, orders.Select(o => o.OrderId).ToArray());
        });
    }

    [TestMethod]
    public async Task OrderHistory_lists_no_orders_for_a_user_without_any()
    {
        var pact = OrdersPact();
        pact.UponReceiving("a request for the orders of a user with no orders")
            .Given("a user has no orders", new { userId = UserWithoutOrdersId })
            .WithRequest<ListOrdersRequest>(OrderService.Descriptor, Listing(UserWithoutOrdersId))
            .WithUserAndServiceTokens()
            .WillRespond(new ListOrdersResponse());

        await pact.VerifyAsync(async ctx =>
        {
            await using var users = OrderHistoryHost.For(ctx.Address);
            users.ServeUser(TestTokens.User(Guid.Parse(UserWithoutOrdersId)));
            Assert.IsEmpty(await users.Get<OrderHistory>().ListAsync(Guid.Parse(UserWithoutOrdersId), CancellationToken.None));
        });
    }

    [TestMethod]
    public async Task OrderHistory_sees_that_a_user_with_an_order_has_one()
    {
        var pact = OrdersPact();
        pact.UponReceiving("a question whether a user with a paid order has any order")
            .Given("a user has a paid order", new { userId = UserWithOrderId, orderId = PaidOrderId, total = PaidOrderTotal, createdAt = PlacedAtText })
            .WithRequest<ListOrdersRequest>(OrderService.Descriptor, Question(UserWithOrderId))
            .WithUserAndServiceTokens()
            // At least one order, whatever it holds; the page token is not read.
            .WillRespond(new { orders = Match.EachLike(new { orderId = PaidOrderId }), nextPageToken = Match.Type("") });

        await pact.VerifyAsync(async ctx =>
        {
            await using var users = OrderHistoryHost.For(ctx.Address);
            users.ServeUser(TestTokens.User(Guid.Parse(UserWithOrderId)));
            Assert.IsTrue(await users.Get<OrderHistory>().AnyAsync(Guid.Parse(UserWithOrderId), CancellationToken.None));
        });
    }

    [TestMethod]
    public async Task OrderHistory_counts_a_cancelled_order_as_an_order()
    {
        // DeleteUser keeps a user whose only order was cancelled: the order still points at the user.
        var pact = OrdersPact();
        pact.UponReceiving("a question whether a user whose only order was cancelled has any order")
            .Given("a user has a cancelled order", new { userId = UserWithCancelledOrderId, orderId = CancelledOrderId, total = PaidOrderTotal })
            .WithRequest<ListOrdersRequest>(OrderService.Descriptor, Question(UserWithCancelledOrderId))
            .WithUserAndServiceTokens()
            .WillRespond(new { orders = Match.EachLike(new { orderId = CancelledOrderId }), nextPageToken = Match.Type("") });

        await pact.VerifyAsync(async ctx =>
        {
            await using var users = OrderHistoryHost.For(ctx.Address);
            users.ServeUser(TestTokens.User(Guid.Parse(UserWithCancelledOrderId)));
            Assert.IsTrue(await users.Get<OrderHistory>().AnyAsync(Guid.Parse(UserWithCancelledOrderId), CancellationToken.None));
        });
    }

    [TestMethod]
    public async Task OrderHistory_sees_that_a_user_without_orders_has_none()
    {
        var pact = OrdersPact();
        pact.UponReceiving("a question whether a user with no orders has any order")
            .Given("a user has no orders", new { userId = UserWithoutOrdersId })
            .WithRequest<ListOrdersRequest>(OrderService.Descriptor, Question(UserWithoutOrdersId))
            .WithUserAndServiceTokens()
            .WillRespond(new { nextPageToken = Match.Type("") });

        await pact.VerifyAsync(async ctx =>
        {
            await using var users = OrderHistoryHost.For(ctx.Address);
            users.ServeUser(TestTokens.User(Guid.Parse(UserWithoutOrdersId)));
            Assert.IsFalse(await users.Get<OrderHistory>().AnyAsync(Guid.Parse(UserWithoutOrdersId), CancellationToken.None));
        });
    }

    [TestMethod]
    public async Task Orders_refuses_a_listing_without_credentials()
    {
        // Users relies on orders to keep a user's orders from anyone who does not prove who they are and for whom they ask.
        var pact = OrdersPact();
        pact.UponReceiving("a request for the orders of a user with a paid order without credentials")
            .Given("a user has a paid order", new { userId = UserWithOrderId, orderId = PaidOrderId, total = PaidOrderTotal, createdAt = PlacedAtText })
            .WithRequest<ListOrdersRequest>(OrderService.Descriptor, Listing(UserWithOrderId))
            .WillFail(StatusCode.Unauthenticated);

        await pact.VerifyAsync(async ctx =>
        {
            var anonymous = new OrderService.OrderServiceClient(ctx.Channel);
            var refused = await Assert.ThrowsExactlyAsync<RpcException>(async () =>
                await anonymous.ListOrdersAsync(new ListOrdersRequest { UserId = UserWithOrderId, PageSize = PageSize }));
            Assert.AreEqual(StatusCode.Unauthenticated, refused.StatusCode);
        });
    }

    // What the mock gives as the first page's next_page_token; the provider gives its own (from the state).
    private const string SecondPageToken = "page-2";

    private static GrpcPactBuilder OrdersPact() =>
        Pact.V4(Participants.Users, Participants.Orders, new PactConfig { PactDir = PactDirectories.Output }).WithGrpcInteractions();

    /// <summary>
    /// What ListUserOrders sends first, written out rather than taken from users' code, so a change in
    /// what it sends fails here: the largest page orders serves, from the start, for any user id.
    /// </summary>
    private static object Listing(string userId) => new { userId = Match.Regex(userId, Uuid), pageSize = 100 };

    /// <summary>What DeleteUser sends: one order is enough to know there is one.</summary>
    private static object Question(string userId) => new { userId = Match.Regex(userId, Uuid), pageSize = 1 };
}
