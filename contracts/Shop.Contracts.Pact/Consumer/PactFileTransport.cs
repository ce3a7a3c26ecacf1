using System.Text.Json.Nodes;

namespace Shop.Contracts.Pact.Consumer;

/// <summary>
/// Sets <c>"transport": "grpc"</c> on the file's gRPC interactions, as the protobuf plugin records
/// them (the engine's FFI has no setter for it). The verifier then sends them to the transport we
/// register under that name. Also records each new interaction's view of the wire in its
/// <c>pluginConfiguration</c> (<see cref="GrpcWireKeys.WireView"/>), for which the FFI has no setter either.
/// </summary>
internal static class PactFileTransport
{
    public static void MarkGrpc(string pactFile, IReadOnlyDictionary<string, JsonObject> wireViews)
    {
        var root = JsonNode.Parse(File.ReadAllText(pactFile))!;
        var changed = false;
        foreach (var interaction in root["interactions"]?.AsArray() ?? [])
        {
            if (interaction is JsonObject obj &&
                obj["request"]?["metadata"]?[GrpcWireKeys.Service] is not null &&
                obj["transport"]?.GetValue<string>() != GrpcWireKeys.Transport)
            {
                obj["transport"] = GrpcWireKeys.Transport;
                changed = true;
            }

            if (interaction is JsonObject written && written["description"]?.GetValue<string>() is { } description &&
                wireViews.TryGetValue(description, out var view))
            {
                written["pluginConfiguration"] = new JsonObject { [GrpcWireKeys.WireView] = view.DeepClone() };
                changed = true;
            }
        }

        if (changed)
        {
            File.WriteAllText(pactFile, root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        }
    }
}
