using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Shop.Users.V1;
using Shop.Web.Mesh;

namespace Shop.Web.Session;

/// <summary>
/// Signing in, registering and signing out through the users service. Runs in the request that posted
/// the form (static rendering), where the session cookie can be written.
/// </summary>
public sealed class AccountSignIn(AuthService.AuthServiceClient auth, AccessTokenStore tokens, IHttpContextAccessor http)
{
    /// <returns>The error to show the person, or null when they are signed in.</returns>
    public async Task<string?> SignInAsync(string email, string password)
    {
        LoginResponse login;
        try
        {
            login = await auth.LoginAsync(new LoginRequest { Email = email, Password = password }, ForwardedFor());
        }
        catch (RpcException e)
        {
            return ServiceErrors.SignIn(e);
        }
        var sessionId = tokens.Save(login.AccessToken, login.ExpiresAt.ToDateTimeOffset());
        await Http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionClaims.Principal(login, sessionId),
            new AuthenticationProperties { ExpiresUtc = login.ExpiresAt.ToDateTimeOffset(), IsPersistent = false });
        return null;
    }

    /// <returns>The error to show the person, or null when the account exists and they are signed in.</returns>
    public async Task<string?> RegisterAsync(string email, string name, string password)
    {
        try
        {
            await auth.RegisterAsync(new RegisterRequest { Email = email, Name = name, Password = password }, ForwardedFor());
        }
        catch (RpcException e)
        {
            return ServiceErrors.Register(e);
        }
        return await SignInAsync(email, password);
    }

    public async Task SignOutAsync()
    {
        if (Http.User.Find(SessionClaims.SessionId) is { } sessionId) tokens.Remove(sessionId);
        await Http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// The browser's address (as this app sees it: the peer, or what a proxy of ours forwarded), for the users
    /// service's per-address login limits: every sign-in reaches users from this app's own address, which would
    /// put all its visitors under one limit. Users believes it only because this app's address is among its
    /// <c>ForwardedHeaders:KnownProxies</c>; from anyone else the header is ignored.
    /// </summary>
    private Metadata ForwardedFor() =>
        Http.Connection.RemoteIpAddress is { } address ? new Metadata { { "x-forwarded-for", address.ToString() } } : [];

    private HttpContext Http => http.HttpContext ?? throw new InvalidOperationException("Signing in needs the request that posted the form.");
}
