using System.Buffers.Binary;
using Google.Protobuf;

namespace Shop.Benchmarks.Load;

/// <summary>A request as it travels in an HTTP/2 DATA frame: the gRPC length prefix (not compressed, 4-byte big-endian length), then the message.</summary>
internal static class GrpcFrame
{
    public const int PrefixBytes = 5;

    public static byte[] Of(IMessage message)
    {
        var size = message.CalculateSize();
        var frame = new byte[PrefixBytes + size];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)size);
        message.WriteTo(frame.AsSpan(PrefixBytes));
        return frame;
    }
}
