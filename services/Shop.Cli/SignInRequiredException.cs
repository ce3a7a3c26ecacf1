namespace Shop.Cli;

/// <summary>A command that acts for the signed-in user ran without a stored login and without <c>--user</c>.</summary>
internal sealed class SignInRequiredException()
    : Exception("not signed in: run 'shop users login <email> <password>' first, or name the user with --user");
