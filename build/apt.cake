// Debian packages the build needs beyond the SDK (chromium for the browser tests, nghttp2-client's h2load for Bench):
// installed like the PostgreSQL server when missing and the build runs as root on Debian, else named for the user to install.

/// <param name="executable">Where the program is expected (default path, or the value of <paramref name="overrideVariable"/>).</param>
void InstallIfMissing(string executable, string package, string purpose, string overrideVariable)
{
    if (FileExists(executable)) return;
    if (Environment.UserName != "root" || !FileExists("/usr/bin/apt-get"))
    {
        throw new CakeException($"No {System.IO.Path.GetFileName(executable)} at {executable} for {purpose}: install Debian's {package} (sudo apt-get install -y {package}), or set {overrideVariable} to the executable.");
    }
    Information("Installing {0} (apt-get install -y {0})", package);
    var env = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
    StartProcess("apt-get", new ProcessSettings { Arguments = "update -qq", EnvironmentVariables = env });
    if (StartProcess("apt-get", new ProcessSettings { Arguments = $"install -y -qq {package}", EnvironmentVariables = env }) != 0)
    {
        throw new CakeException($"apt-get install {package} failed.");
    }
}
