extern alias NotificationsService;

using Microsoft.Extensions.DependencyInjection;
using Shop.Contracts.Pact.Provider;
using Shop.Contracts.Testing;
using Shop.Testing;
using NotificationsService::Shop.Notifications.Data;
using NotificationsService::Shop.Notifications.Model;
using NotificationsService::Shop.Notifications.V1;
using NotificationsProgram = NotificationsService::Shop.Notifications.Program;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Shop.Notifications.Contracts.Tests.Provider;

/// <summary>
/// The real notifications service hosted in-process on a database of its own, with the provider
/// states its consumers' pacts name, seeded through the service's own repository.
/// </summary>
public sealed class NotificationsProvider : IAsyncDisposable
{
    private NotificationsProvider(TestDatabase database, GrpcServiceHost<NotificationsProgram> host, ProviderChange change)
    {
        Database = database;
        Host = host;
        Change = change;
    }

    public TestDatabase Database { get; }

    public GrpcServiceHost<NotificationsProgram> Host { get; }

    /// <summary>Deliberate changes to the host's answers, for the self-tests; none unless applied.</summary>
    internal ProviderChange Change { get; }

    public static async Task<NotificationsProvider> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync("shop_notifications", typeof(NotificationsProgram).Assembly);
        ProviderChange? change = null;
        var host = new GrpcServiceHost<NotificationsProgram>(
            new Dictionary<string, string?> { ["ConnectionStrings:Notifications"] = database.ConnectionString },
            services => change = ProviderChange.AddTo(services));
        _ = host.Server;
        return new NotificationsProvider(database, host, change!);
    }

    /// <summary>Sets up a state named in a pact; an unknown state fails the interactions that need it.</summary>
    public async Task SetUpAsync(string state, IReadOnlyDictionary<string, object?> parameters)
    {
        switch (state)
        {
            case "the order event has not been delivered":
                // Every interaction starts from an empty database (see TearDownAsync).
                break;
            case "the order event has been delivered":
                var orderId = Id(parameters, "orderId");
                var kind = NotificationKind.For(Enum.Parse<OrderEventType>(Text(parameters, "type"), ignoreCase: true))
                    ?? throw new ArgumentException("The state's type must be Placed, Paid, Fulfilled or Cancelled.");
                var notifications = Host.Services.GetRequiredService<NotificationRepository>();
                await notifications.InsertOnceAsync(
                    new NewNotification(Id(parameters, "notificationId"), Id(parameters, "eventId"), Id(parameters, "userId"), orderId,
                        kind.Type, kind.MessageFor(orderId), DateTime.UtcNow),
                    CancellationToken.None);
                break;
            default:
                throw new KeyNotFoundException($"The notifications provider has no state '{state}'.");
        }
    }

    /// <summary>
    /// A verifier of the committed pacts naming notifications against this host, reading messages with
    /// the service's own descriptors unless others are given (a later version of the API, say).
    /// </summary>
    public GrpcPactVerifier Verifier(params ServiceDescriptor[] services) =>
        new GrpcPactVerifier(Participants.Notifications)
            .WithProviderChannel(Host.Channel)
            .WithServices(services.Length > 0 ? services : [NotificationService.Descriptor])
            .WithProviderStates(SetUpAsync, TearDownAsync)
            .WithPactDirectory(PactDirectories.Committed);

    /// <summary>After each interaction: back to the migrated, empty database.</summary>
    public Task TearDownAsync(string state, IReadOnlyDictionary<string, object?> parameters) => Database.ResetAsync();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static string Text(IReadOnlyDictionary<string, object?> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && value is string { Length: > 0 } text
            ? text
            : throw new ArgumentException($"The state needs a '{name}' parameter.");

    private static Guid Id(IReadOnlyDictionary<string, object?> parameters, string name) =>
        Guid.TryParse(Text(parameters, name), out var id) ? id : throw new ArgumentException($"The state's '{name}' must be a UUID.");
}
