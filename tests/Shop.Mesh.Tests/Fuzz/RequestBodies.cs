using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Shop.Mesh.Tests.Fuzz;

/// <summary>
/// Request bodies made from a message's descriptor alone: its fields filled with plausible values (within
/// the rules each field declares, see <see cref="DeclaredValues"/>) or hostile ones (<see cref="HostileValues"/>)
/// (nested messages and lists too), encoded by hand so that anything can be on the wire, then sometimes
/// truncated, corrupted or replaced by random bytes.
/// </summary>
public static class RequestBodies
{
    private const int MaxDepth = 4;

    public static RequestBody Next(Random random, MessageDescriptor type)
    {
        var hostility = new[] { 0.0, 0.15, 0.6 }[random.Next(3)];
        var message = Encode(random, type, hostility, 0);
        return random.Next(10) switch
        {
            0 => new("random bytes", RandomBytes(random, random.Next(1, 64))),
            1 when message.Length > 1 => new("truncated", message[..random.Next(1, message.Length)]),
            2 => new("corrupt wire", Corrupt(random, message)),
            3 => new("unknown fields", [.. message, .. UnknownField(random)]),
            _ => new(hostility == 0 ? "plausible" : hostility < 0.5 ? "some hostile fields" : "mostly hostile fields", message),
        };
    }

    private static byte[] Encode(Random random, MessageDescriptor type, double hostility, int depth)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        foreach (var field in type.Fields.InFieldNumberOrder())
        {
            // A plausible body sets every field; the others leave some out.
            if (hostility > 0 && random.NextDouble() < 0.25) continue;
            var count = !field.IsRepeated ? 1 : random.Next(40) == 0 ? 150 : random.Next(0, 4);
            for (var i = 0; i < count; i++)
            {
                WriteField(random, output, field, random.NextDouble() < hostility, hostility, depth);
            }
        }
        output.Flush();
        return buffer.ToArray();
    }

    private static void WriteField(Random random, CodedOutputStream output, FieldDescriptor field, bool hostile, double hostility, int depth)
    {
        var n = field.FieldNumber;
        switch (field.FieldType)
        {
            case FieldType.String or FieldType.Bytes:
                output.WriteTag(n, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(hostile ? HostileValues.Text(random) : DeclaredValues.Text(random, field)));
                break;
            case FieldType.Message when !hostile && field.MessageType.FullName == Timestamp.Descriptor.FullName:
                output.WriteTag(n, WireFormat.WireType.LengthDelimited);
                output.WriteMessage(Timestamp.FromDateTime(DateTime.UtcNow.AddSeconds(-random.Next(86_400))));
                break;
            case FieldType.Message when depth < MaxDepth:
                output.WriteTag(n, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(Encode(random, field.MessageType, hostility, depth + 1)));
                break;
            case FieldType.Message or FieldType.Group:
                break;
            case FieldType.Enum:
                output.WriteTag(n, WireFormat.WireType.Varint);
                output.WriteEnum(hostile ? HostileValues.EnumNumber(random, field.EnumType) : DeclaredValues.EnumNumber(random, field));
                break;
            case FieldType.Bool:
                output.WriteTag(n, WireFormat.WireType.Varint);
                output.WriteUInt64(hostile ? (ulong)HostileValues.Integer(random) : (ulong)random.Next(2));
                break;
            case FieldType.Double:
                output.WriteTag(n, WireFormat.WireType.Fixed64);
                output.WriteDouble(hostile ? HostileValues.Real(random) : random.Next(100));
                break;
            case FieldType.Float:
                output.WriteTag(n, WireFormat.WireType.Fixed32);
                output.WriteFloat(hostile ? (float)HostileValues.Real(random) : random.Next(100));
                break;
            case FieldType.Fixed32 or FieldType.SFixed32:
                output.WriteTag(n, WireFormat.WireType.Fixed32);
                output.WriteFixed32((uint)Integer(random, field, hostile));
                break;
            case FieldType.Fixed64 or FieldType.SFixed64:
                output.WriteTag(n, WireFormat.WireType.Fixed64);
                output.WriteFixed64((ulong)Integer(random, field, hostile));
                break;
            case FieldType.SInt32:
                output.WriteTag(n, WireFormat.WireType.Varint);
                output.WriteSInt32(unchecked((int)Integer(random, field, hostile)));
                break;
            case FieldType.SInt64:
                output.WriteTag(n, WireFormat.WireType.Varint);
                output.WriteSInt64(Integer(random, field, hostile));
                break;
            case FieldType.Int32 or FieldType.UInt32:
                // A value past 32 bits is what a careless client's int64 would put in an int32 field.
                output.WriteTag(n, WireFormat.WireType.Varint);
                output.WriteInt64(Integer(random, field, hostile));
                break;
            default:
                output.WriteTag(n, WireFormat.WireType.Varint);
                output.WriteInt64(Integer(random, field, hostile));
                break;
        }
    }

    private static long Integer(Random random, FieldDescriptor field, bool hostile) =>
        hostile ? HostileValues.Integer(random) : DeclaredValues.Integer(random, field);

    /// <summary>A body a careful parser must refuse: a field number 0, a wrong wire type, a length past the end, a bad varint, an end-group tag.</summary>
    private static byte[] Corrupt(Random random, byte[] message)
    {
        byte[] damage = random.Next(5) switch
        {
            0 => [0x00, 0x01],
            1 => [0x0D, 0x01, 0x02],
            2 => [0x0A, 0xFF, 0xFF, 0xFF, 0x0F, 0x61],
            3 => [0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
            _ => [0x0C],
        };
        var at = random.Next(message.Length + 1);
        return [.. message[..at], .. damage, .. message[at..]];
    }

    private static byte[] UnknownField(Random random) => [0xF8, 0x3E, (byte)random.Next(0x80)];

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
