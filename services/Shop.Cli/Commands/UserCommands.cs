using System.CommandLine;
using Shop.Users.V1;

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
            return new CommandResult(reply, () => Tables.Show(reply.User), reply.User.UserId);
        });

        var loginPassword = new Argument<string>("password");
        var loginEmail = new Argument<string>("email");
        var login = new Command("login", "Log in and keep the token for later calls") { loginEmail, loginPassword };
        login.Handle(async (parse, mesh, ct) =>
        {
            var reply = await mesh.Auth.LoginAsync(new LoginRequest { Email = parse.GetValue(loginEmail)!, Password = parse.GetValue(loginPassword)! }, cancellationToken: ct);
            TokenStore.Save(reply.AccessToken);
            return new CommandResult(reply, () =>
            {
                Console.Out.WriteLine($"Logged in as {reply.User.Email} until {reply.ExpiresAt.ToDateTime():u}, as user");
                Console.Out.WriteLine(reply.User.UserId);
            });
        });

        var me = new Command("me", "The signed-in user's profile");
        me.Handle(async (_, mesh, ct) =>
        {
            var reply = await mesh.Auth.GetProfileAsync(new GetProfileRequest(), cancellationToken: ct);
            return new CommandResult(reply, () => Tables.Show(reply.User));
        });

        var get = new Command("get", "One user") { userId };
        get.Handle(async (parse, mesh, ct) =>
        {
            var reply = await mesh.Users.GetUserAsync(new GetUserRequest { UserId = parse.GetValue(userId)! }, cancellationToken: ct);
            return new CommandResult(reply, () => Tables.Show(reply.User));
        });

        var list = new Command("list", "Every user (admins)");
        list.Handle(async (_, mesh, ct) =>
        {
            // Every page, answered as one response.
            var all = new ListUsersResponse();
            var token = "";
            do
            {
                var page = await mesh.Users.ListUsersAsync(new ListUsersRequest { PageSize = 100, PageToken = token }, cancellationToken: ct);
                all.Users.AddRange(page.Users);
                token = page.NextPageToken;
            }
            while (token != "");
            return new CommandResult(all, () => Tables.Show(all.Users));
        });

        return new Command("users", "Accounts and login") { register, login, me, get, list };
    }
}
