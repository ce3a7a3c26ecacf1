using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Grpc.Core;

namespace Shop.Users.Tests;

/// <summary>
/// The line from users' orders client to the in-process orders server, which a test can cut: refuse
/// connections (orders down), hold calls unanswered (orders too slow) or answer every call with a
/// status, until <see cref="Restore"/>. It counts
/// the requests that reach it, so a test sees which calls an open circuit never made.
/// </summary>
public sealed class OrdersLink
{
    private readonly Lock gate = new();
    private int refusalsLeft;
    private Status? answer;
    private bool hanging;
    private int requests;

    public int Requests => Volatile.Read(ref requests);

    /// <summary>Refuses every connection, as when nothing listens at the orders address.</summary>
    public void Refuse() => Set(int.MaxValue, null, false);

    /// <summary>Refuses the next <paramref name="count"/> connections, then passes requests through again.</summary>
    public void RefuseNext(int count) => Set(count, null, false);

    /// <summary>Answers every call with <paramref name="status"/>, as an orders service that is up but refuses the request.</summary>
    public void Answer(Status status) => Set(0, status, false);

    /// <summary>Holds every call unanswered until its client gives up, as an orders service too slow to answer.</summary>
    public void Hang() => Set(0, null, true);

    public void Restore() => Set(0, null, false);

    public HttpMessageHandler Wrap(HttpMessageHandler server) => new LinkHandler(this, server);

    private void Set(int refusals, Status? status, bool hang)
    {
        lock (gate)
        {
            refusalsLeft = refusals;
            answer = status;
            hanging = hang;
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
                if (link.hanging)
                {
                    return HangAsync(cancellationToken);
                }
            }
            return base.SendAsync(request, cancellationToken);
        }

        private static async Task<HttpResponseMessage> HangAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new UnreachableException();
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
