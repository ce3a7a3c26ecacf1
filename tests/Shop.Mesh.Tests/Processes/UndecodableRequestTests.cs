using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Shop.Testing;
using Shop.Testing.Auth;

namespace Shop.Mesh.Tests.Processes;

/// <summary>
/// Bodies no protobuf parser accepts, sent as raw gRPC frames over real HTTP/2 to each service as a process:
/// INVALID_ARGUMENT naming the message type, never UNKNOWN, and the same connection serves the next call (issue 12);
/// a body over the receive limit (ReceiveLimits) is RESOURCE_EXHAUSTED.
/// </summary>
[TestClass]
public sealed class UndecodableRequestTests
{
    private ProcessMesh mesh = null!;

    [TestInitialize]
    public async Task StartMesh() => mesh = await ClassFixtures<ProcessMesh>.ForAsync(GetType(), FaultTestMesh.StartAsync);

    [ClassCleanup]
    public static Task StopMesh() => ClassFixtures<ProcessMesh>.DisposeAsync(typeof(UndecodableRequestTests));

    // Field 1 is a string in each request below.
    public static IEnumerable<object[]> Bodies =>
    [
        ["invalid UTF-8 in a string", new byte[] { 0x0A, 0x02, 0xC3, 0x28 }],
        ["random bytes", new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x9C, 0x42, 0x07 }],
        ["truncated", new byte[] { 0x0A, 0x05, (byte)'a' }],
        ["wire type 7", new byte[] { 0x0F, 0x00 }],
        ["field tag 0", new byte[] { 0x00, 0x01 }],
    ];

    [TestMethod]
    [DynamicData(nameof(Bodies))]
    public async Task An_undecodable_body_is_invalid_argument_naming_the_message_in_every_service(string problem, byte[] body)
    {
        var calls = new (string Service, string Path, string Message)[]
        {
            ("users", "/shop.users.v1.AuthService/Register", "shop.users.v1.RegisterRequest"),
            ("orders", "/shop.orders.v1.ProductService/CreateProduct", "shop.orders.v1.CreateProductRequest"),
            ("notifications", "/shop.notifications.v1.NotificationService/ListNotifications", "shop.notifications.v1.ListNotificationsRequest"),
        };
        foreach (var (service, path, message) in calls)
        {
            using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = mesh.Address(service) };
            var (status, detail) = await SendFrameAsync(http, path, body);
            Assert.AreEqual(StatusCode.InvalidArgument, status, $"{service}, {problem}: {detail}");
            Assert.AreEqual($"request body is not a valid {message}", detail, $"{service}, {problem}");

            // The next call on the same HTTP/2 connection is served as usual.
            var (healthStatus, _) = await SendFrameAsync(http, "/grpc.health.v1.Health/Check", []);
            Assert.AreEqual(StatusCode.OK, healthStatus, $"{service} after {problem}");
        }
        // And through an ordinary client.
        Assert.IsNotNull(await mesh.Calls.CreateUserAsync($"after-{problem.Replace(' ', '-')}@example.com"));
    }

    [TestMethod]
    public async Task A_request_over_the_receive_limit_is_resource_exhausted_and_the_connection_serves_the_next_call()
    {
        // A string field over ReceiveLimits.MaxRequestMessageBytes (2 MiB): refused before it is decoded.
        var value = new byte[3 * 1024 * 1024];
        Array.Fill(value, (byte)'a');
        var length = new List<byte>();
        for (var n = (uint)value.Length; ; n >>= 7)
        {
            if (n < 0x80) { length.Add((byte)n); break; }
            length.Add((byte)(n | 0x80));
        }
        byte[] body = [0x0A, .. length, .. value];
        foreach (var service in new[] { "users", "orders", "notifications" })
        {
            using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = mesh.Address(service) };
            var (status, detail) = await SendFrameAsync(http, "/grpc.health.v1.Health/Check", body);
            Assert.AreEqual(StatusCode.ResourceExhausted, status, $"{service}: {detail}");
            Assert.IsLessThan(1024, detail.Length);
            var (next, _) = await SendFrameAsync(http, "/grpc.health.v1.Health/Check", []);
            Assert.AreEqual(StatusCode.OK, next, service);
        }
    }

    private static async Task<(StatusCode Status, string Detail)> SendFrameAsync(HttpClient http, string path, byte[] payload)
    {
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.ParseAdd("trailers");
        // As an admin, who may call each RPC here: the body, not the caller, is under test.
        request.Headers.TryAddWithoutValidation("authorization", $"Bearer {TestTokens.Admin()}");
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        // A failure before any message is "trailers-only": the status comes in the headers.
        var headers = response.TrailingHeaders.Contains("grpc-status") ? (HttpHeaders)response.TrailingHeaders : response.Headers;
        var status = (StatusCode)int.Parse(headers.GetValues("grpc-status").Single());
        var detail = headers.TryGetValues("grpc-message", out var values) ? Uri.UnescapeDataString(values.Single()) : "";
        return (status, detail);
    }
}
