namespace Shop.Cli.Tests;

/// <summary>What one run of shop did: its exit code and everything it wrote.</summary>
public sealed record CliRun(string Command, int ExitCode, string Stdout, string Stderr)
{
    public string[] Lines => Stdout.TrimEnd('\n').Split('\n');

    public override string ToString() => $"shop {Command} exited {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}
