namespace Shop.Mesh.Tests.Access;

/// <summary>The ways the access matrix calls every RPC: the columns of <see cref="AccessMatrix"/>, in this order.</summary>
public enum Credential
{
    /// <summary>No token at all.</summary>
    None,

    /// <summary><c>authorization: Bearer</c> with text that is no JWT.</summary>
    Garbage,

    /// <summary>The owner's access token, expired an hour ago.</summary>
    Expired,

    /// <summary>The owner's access token signed by a key no service trusts (with users' kid).</summary>
    WrongKey,

    /// <summary>The owner's access token made for another audience.</summary>
    WrongAudience,

    /// <summary>A valid token of a customer other than the owner.</summary>
    OtherCustomer,

    /// <summary>A valid token of the user the request is about (or who owns the order, notification...).</summary>
    Owner,

    /// <summary>A valid admin token.</summary>
    Admin,

    /// <summary>The service that makes this call in the mesh (else another service than the callee), acting for the owner.</summary>
    RightService,

    /// <summary>A service that does not make this call, acting for the owner.</summary>
    AnotherService,
}
