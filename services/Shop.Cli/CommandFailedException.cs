namespace Shop.Cli;

/// <summary>
/// A command that ran but whose outcome is a failure (a demo step that misbehaved, a service not SERVING):
/// what it found is still shown, then the message goes to stderr and the exit code is <paramref name="ExitCode"/>.
/// </summary>
internal sealed class CommandFailedException(string message, CommandResult found, int exitCode) : Exception(message)
{
    public CommandResult Found { get; } = found;

    public int ExitCode { get; } = exitCode;
}
