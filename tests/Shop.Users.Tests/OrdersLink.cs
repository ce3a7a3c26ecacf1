using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Grpc.Core;

namespace Shop.Users.Tests;

/// <summary>
/// The line from users' orders client to the in-process orders server, which a test can cut: refuse
/// connections (orders down) or answer every call with a status, until <see cref="Restore"/>. It counts
/// the requests that reach it, so a test sees which calls an open circuit never made.
/// </summary>
public sealed class OrdersLink
{
    private readonly Lock gate = new();
    private int refusalsLeft;
    private Status? answer;
    private int requests;

    public int Requests => Volatile.Read(ref requests);

    /// <summary>Refuses every connection, as when nothing listens at the orders address.</summary>
    public void Refuse() => Set(int.MaxValue, null);

    /// <summary>Refuses the next <paramref name="count"/> connections, then passes requests through again.</summary>
    public void RefuseNext(int count) => Set(count, null);

    /// <summary>Answers every call with <paramref name="status"/>, as an orders service that is up but refuses the request.</summary>
    public void Answer(Status status) => Set(0, status);

    public void Restore() => Set(0, null);

    public HttpMessageHandler Wrap(HttpMessageHandler server) => new LinkHandler(this, server);

    private void Set(int refusals, Status? status)
    {
        lock (gate)
        {
            refusalsLeft = refusals;
            answer = status;
        }
    }

    private sealed class LinkHandler(OrdersLink link, HttpMessageHandler server) : DelegatingHandler(server)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref link.requests);
            lock (link.gate)
            {
                if (link.refusalsLeft > 0)
                {
                    link.refusalsLeft--;
                    return Task.FromException<HttpResponseMessage>(new HttpRequestException(
                        HttpRequestError.ConnectionError, "Connection refused (staged by the test)", new SocketException((int)SocketError.ConnectionRefused)));
                }
                if (link.answer is { } status)
                {
                    return Task.FromResult(TrailersOnly(request, status));
                }
            }
            return base.SendAsync(request, cancellationToken);
        }

        /// <summary>A gRPC response that is only a status, as a server sends when it fails a call before any message.</summary>
        private static HttpResponseMessage TrailersOnly(HttpRequestMessage request, Status status)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Version = HttpVersion.Version20,
                Content = new ByteArrayContent([]),
            };
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
            response.Headers.Add("grpc-status", ((int)status.StatusCode).ToString(CultureInfo.InvariantCulture));
            response.Headers.Add("grpc-message", status.Detail);
            return response;
        }
    }
}
