using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Shop.Contracts.Pact.Provider;

/// <summary>A gRPC <see cref="Method{TRequest,TResponse}"/> built from a descriptor, so any unary method can be called without its generated client.</summary>
internal static class UntypedMethod
{
    public static Method<IMessage, IMessage> For(MethodDescriptor method) =>
        new(
            MethodType.Unary,
            method.Service.FullName,
            method.Name,
            Marshallers.Create(message => message.ToByteArray(), bytes => method.InputType.Parser.ParseFrom(bytes)),
            Marshallers.Create(message => message.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes)));
}
