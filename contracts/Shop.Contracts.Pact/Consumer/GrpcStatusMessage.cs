using System.Text;

namespace Shop.Contracts.Pact.Consumer;

/// <summary>Percent-encodes a status detail for the <c>grpc-message</c> trailer, as the gRPC HTTP/2 protocol requires.</summary>
internal static class GrpcStatusMessage
{
    public static string Encode(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
