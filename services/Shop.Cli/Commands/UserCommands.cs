using System.CommandLine;
using Shop.Users.V1;
using Spectre.Console;

namespace Shop.Cli.Commands;

internal static class UserCommands
{
    public static Command Create()
    {
        var email = new Argument<string>("email");
        var name = new Argument<string>("name");
        var password = new Argument<string>("password");
        var userId = new Argument<string>("user-id");

        var register = new Command("register", "Create an account") { email, name, password };
        register.Handle(async (parse, mesh, ct) =>
        {
            var reply = await mesh.Auth.RegisterAsync(new RegisterRequest
            {
                Email = parse.GetValue(email)!, Name = parse.GetValue(name)!, Password = parse.GetValue(password)!,
            }, cancellationToken: ct);
            Tables.Show([reply.User]);
        });

        var loginPassword = new Argument<string>("password");
        var loginEmail = new Argument<string>("email");
        var login = new Command("login", "Log in and keep the token for later calls") { loginEmail, loginPassword };
        login.Handle(async (parse, mesh, ct) =>
        {
            var reply = await mesh.Auth.LoginAsync(new LoginRequest { Email = parse.GetValue(loginEmail)!, Password = parse.GetValue(loginPassword)! }, cancellationToken: ct);
            TokenStore.Save(reply.AccessToken);
            AnsiConsole.MarkupLineInterpolated($"Logged in as {reply.User.Email} ({reply.User.UserId}); token valid until {reply.ExpiresAt.ToDateTime():u}.");
        });

        var me = new Command("me", "The logged-in user's profile");
        me.Handle(async (_, mesh, ct) => Tables.Show([(await mesh.Auth.GetProfileAsync(new GetProfileRequest(), cancellationToken: ct)).User]));

        var get = new Command("get", "One user") { userId };
        get.Handle(async (parse, mesh, ct) =>
            Tables.Show([(await mesh.Users.GetUserAsync(new GetUserRequest { UserId = parse.GetValue(userId)! }, cancellationToken: ct)).User]));

        var list = new Command("list", "Every user");
        list.Handle(async (_, mesh, ct) =>
        {
            var users = new List<User>();
            var token = "";
            do
            {
                var page = await mesh.Users.ListUsersAsync(new ListUsersRequest { PageSize = 100, PageToken = token }, cancellationToken: ct);
                users.AddRange(page.Users);
                token = page.NextPageToken;
            }
            while (token != "");
            Tables.Show(users);
        });

        return new Command("users", "Accounts and login") { register, login, me, get, list };
    }
}
