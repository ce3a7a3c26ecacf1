using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Shop.Contracts.Pact.Matchers;

namespace Shop.Contracts.Pact.Consumer;

/// <summary>The start of an interaction: provider states, then the request (<see cref="GrpcPactBuilder.UponReceiving"/>).</summary>
public sealed class GrpcInteractionBuilder
{
    private readonly GrpcInteractionDefinition interaction;

    internal GrpcInteractionBuilder(GrpcInteractionDefinition interaction) => this.interaction = interaction;

    /// <summary>A provider state the provider must set up before this call, e.g. "a user exists".</summary>
    public GrpcInteractionBuilder Given(string providerState)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerState);
        interaction.States.Add(new ProviderStateDefinition(providerState, null));
        return this;
    }

    /// <summary>
    /// A provider state with parameters the provider's state handler receives, given as an anonymous
    /// object or a dictionary: <c>.Given("a user exists", new { userId = "0b5c..." })</c>.
    /// </summary>
    public GrpcInteractionBuilder Given(string providerState, object parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerState);
        ArgumentNullException.ThrowIfNull(parameters);
        var json = JsonSerializer.SerializeToNode(parameters, parameters.GetType());
        if (json is not JsonObject)
        {
            throw new ArgumentException("Provider state parameters must be an object with named values.", nameof(parameters));
        }

        interaction.States.Add(new ProviderStateDefinition(providerState, json.ToJsonString()));
        return this;
    }

    /// <summary>
    /// The call the consumer makes: the method of <paramref name="service"/> (the generated
    /// <c>UserService.Descriptor</c>) whose request type is <paramref name="request"/>'s type, with
    /// exactly that request. Use the <see cref="MethodDescriptor"/> overload when two methods share a request type.
    /// </summary>
    public GrpcRequestBuilder WithRequest(ServiceDescriptor service, IMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WithRequest(service, request.Descriptor, request);
    }

    /// <summary>
    /// The call the consumer makes, a <typeparamref name="TRequest"/> to the method of <paramref name="service"/>
    /// taking it, written with matchers inline:
    /// <c>.WithRequest&lt;ListOrdersRequest&gt;(OrderService.Descriptor, new { userId = Match.Regex(UserId, Uuid), pageSize = 100 })</c>.
    /// Fields left out must be their default value.
    /// </summary>
    public GrpcRequestBuilder WithRequest<TRequest>(ServiceDescriptor service, object request)
        where TRequest : IMessage<TRequest>, new() =>
        WithRequest(service, new TRequest().Descriptor, request);

    /// <summary>
    /// The call the consumer makes: <paramref name="method"/> (a unary method descriptor) with
    /// <paramref name="request"/>, a generated message or an object of its fields with matchers inline.
    /// </summary>
    public GrpcRequestBuilder WithRequest(MethodDescriptor method, object request)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        if (method.IsClientStreaming || method.IsServerStreaming)
        {
            throw new NotSupportedException($"{method.FullName} is a streaming method; contracts cover unary calls only.");
        }

        if (request is IMessage message && message.Descriptor.FullName != method.InputType.FullName)
        {
            throw new ArgumentException(
                $"{method.FullName} takes {method.InputType.FullName}, not {message.Descriptor.FullName}.", nameof(request));
        }

        interaction.Method = method;
        interaction.Request = MatchedMessage.From(method.InputType, request);
        return new GrpcRequestBuilder(interaction);
    }

    private GrpcRequestBuilder WithRequest(ServiceDescriptor service, MessageDescriptor requestType, object request)
    {
        ArgumentNullException.ThrowIfNull(service);
        var candidates = service.Methods.Where(m => m.InputType.FullName == requestType.FullName).ToList();
        return candidates.Count switch
        {
            1 => WithRequest(candidates[0], request),
            0 => throw new ArgumentException(
                $"{service.FullName} has no method taking {requestType.FullName}. " +
                $"Its methods: {string.Join(", ", service.Methods.Select(m => $"{m.Name}({m.InputType.Name})"))}.", nameof(request)),
            _ => throw new ArgumentException(
                $"Several methods of {service.FullName} take {requestType.FullName} " +
                $"({string.Join(", ", candidates.Select(m => m.Name))}); pass the MethodDescriptor, e.g. " +
                $"{service.Name}.Descriptor.FindMethodByName(nameof({service.Name}.{service.Name}Client.{candidates[0].Name})).", nameof(request)),
        };
    }
}
