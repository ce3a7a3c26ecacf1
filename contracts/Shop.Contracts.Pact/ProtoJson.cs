using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Shop.Contracts.Pact;

/// <summary>
/// The one proto3 JSON form used on both sides of a contract: Google.Protobuf's formatter with
/// default values written (otherwise an empty string or a zero vanishes and reads as a missing key),
/// and a parser that rejects unknown fields (a renamed field must fail verification, not be dropped).
/// </summary>
public static class ProtoJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    /// <summary>The canonical proto3 JSON of <paramref name="message"/>.</summary>
    public static string Format(IMessage message) => Formatter.Format(message);

    /// <summary>Parses proto3 JSON into a message of <paramref name="descriptor"/>'s type; unknown fields throw.</summary>
    public static IMessage Parse(string json, MessageDescriptor descriptor) => Parser.Parse(json, descriptor);
}
