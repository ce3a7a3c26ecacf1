using System.CommandLine;

namespace Shop.Cli;

/// <summary>
/// The user a command acts for: the one named with <c>--user</c> (an admin acting for someone else), else
/// the signed-in user of the stored login.
/// </summary>
internal static class SignedInUser
{
    public static Option<string> Option() => new("--user")
    {
        Description = "the user to act for (an admin naming someone else); the signed-in user by default",
    };

    /// <summary>The older positional form of <c>list</c> commands (<c>orders list &lt;user-id&gt;</c>), still accepted.</summary>
    public static Argument<string?> Argument() => new("user-id")
    {
        Description = "the same as --user",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <param name="option">The user id given with --user, if any.</param>
    /// <param name="positional">The user id given as an argument, if the command takes one.</param>
    public static string Resolve(string? option, string? positional = null)
    {
        if (option is not null && positional is not null && option != positional)
        {
            throw new FormatException("two different users named: give the user either with --user or as the argument");
        }
        return option ?? positional ?? TokenStore.SignedInUserId() ?? throw new SignInRequiredException();
    }
}
