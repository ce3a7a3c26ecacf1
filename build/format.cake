// The .editorconfig's layout, checked by dotnet format (nothing is rewritten; `dotnet format Shop.sln` fixes it).
// Whitespace needs only the files (seconds); using order and the code-style rules need the solution loaded,
// about a minute on two idle cores. Naming and the other rules of severity warning also fail every build
// (EnforceCodeStyleInBuild), and analyzers run in the build, so `dotnet format analyzers` is not repeated here.

void CheckFormat()
{
    Execute("dotnet", new ProcessSettings { Arguments = "format whitespace --folder . --verify-no-changes", WorkingDirectory = root },
        "dotnet format whitespace: the files listed above are not laid out as .editorconfig says; `dotnet format Shop.sln` fixes them");
    Execute("dotnet", new ProcessSettings { Arguments = $"format style \"{solution}\" --verify-no-changes --severity warn --no-restore", WorkingDirectory = root },
        "dotnet format style: using order or code style differs from .editorconfig in the files listed above; `dotnet format Shop.sln` fixes most");
}
