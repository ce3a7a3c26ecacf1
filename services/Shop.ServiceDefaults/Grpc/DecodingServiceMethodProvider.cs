using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;

namespace Shop.ServiceDefaults.Grpc;

/// <summary>
/// Binds every gRPC service's methods as Grpc.AspNetCore's own binder does, with one difference: a request
/// body that does not decode (invalid UTF-8 in a string, random or truncated bytes, a wrong wire type, field
/// tag 0) is INVALID_ARGUMENT "request body is not a valid {message}", not UNKNOWN. Decoding happens before
/// any interceptor runs, so this is the one place that can say so.
/// </summary>
internal sealed class DecodingServiceMethodProvider<TService> : IServiceMethodProvider<TService> where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        // The generated base class carries [BindServiceMethod(typeof(Xxx), "BindService")].
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is not { } bind) continue;
            var bindService = bind.BindType.GetMethod(bind.BindMethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static,
                [typeof(ServiceBinderBase), type]) ?? throw new InvalidOperationException($"{bind.BindType}.{bind.BindMethodName} not found for {typeof(TService)}.");
            bindService.Invoke(null, [new Binder(context, type), null]);
            return;
        }
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context, Type serviceBase) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            context.AddUnaryMethod(Decoding(method), Metadata(method, out var implementation),
                implementation.CreateDelegate<UnaryServerMethod<TService, TRequest, TResponse>>());

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddServerStreamingMethod(Decoding(method), Metadata(method, out var implementation),
                implementation.CreateDelegate<ServerStreamingServerMethod<TService, TRequest, TResponse>>());

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddClientStreamingMethod(Decoding(method), Metadata(method, out var implementation),
                implementation.CreateDelegate<ClientStreamingServerMethod<TService, TRequest, TResponse>>());

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddDuplexStreamingMethod(Decoding(method), Metadata(method, out var implementation),
                implementation.CreateDelegate<DuplexStreamingServerMethod<TService, TRequest, TResponse>>());

        // The service's override of the generated base method; the attributes of its class, then its own
        // (authorization, for one), become endpoint metadata, as with Grpc.AspNetCore's binder.
        private List<object> Metadata(IMethod method, out MethodInfo implementation)
        {
            implementation = typeof(TService).GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .SingleOrDefault(m => m.Name == method.Name && m.IsVirtual && m.GetBaseDefinition().DeclaringType == serviceBase)
                ?? throw new InvalidOperationException($"{typeof(TService)} does not implement {method.FullName}.");
            List<object> metadata = [.. typeof(TService).GetCustomAttributes(inherit: true), .. implementation.GetCustomAttributes(inherit: true)];
            metadata.Add(new HttpMethodMetadata(["POST"], acceptCorsPreflight: true));
            return metadata;
        }

        private static Method<TRequest, TResponse> Decoding<TRequest, TResponse>(Method<TRequest, TResponse> method)
        {
            var requests = method.RequestMarshaller;
            var refusal = new Status(StatusCode.InvalidArgument, $"request body is not a valid {MessageName<TRequest>()}");
            var decoding = Marshallers.Create<TRequest>(requests.ContextualSerializer, context =>
            {
                try
                {
                    return requests.ContextualDeserializer(context);
                }
                catch (Exception e) when (e is InvalidProtocolBufferException or ArgumentException or InvalidOperationException)
                {
                    // Protobuf's own errors, and the strict UTF-8 decoder's (DecoderFallbackException is an ArgumentException).
                    throw new RpcException(refusal);
                }
            });
            return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, decoding, method.ResponseMarshaller);
        }

        private static string MessageName<TRequest>() =>
            typeof(TRequest).GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is Google.Protobuf.Reflection.MessageDescriptor descriptor
                ? descriptor.FullName
                : typeof(TRequest).Name;
    }
}
