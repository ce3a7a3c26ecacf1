namespace Shop.Cli.Commands.Demo;

/// <summary>A demo step whose outcome was not the expected one.</summary>
internal sealed class DemoStepFailed(string message) : Exception(message);
