// Debian's chromium, which the web app's browser tests (tests/Shop.Web.EndToEnd.Tests) drive through
// Playwright: installed like the PostgreSQL server when missing and the build runs as root on Debian.
void InstallBrowserIfMissing()
{
    var chromium = EnvironmentVariable("SHOP_CHROMIUM") ?? "/usr/bin/chromium";
    if (FileExists(chromium)) return;
    if (Environment.UserName != "root" || !FileExists("/usr/bin/apt-get"))
    {
        throw new CakeException($"No browser at {chromium} for the web tests: install Debian's chromium (sudo apt-get install -y chromium), or set SHOP_CHROMIUM to a Chromium executable.");
    }
    Information("Installing chromium (apt-get install -y chromium)");
    var env = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
    StartProcess("apt-get", new ProcessSettings { Arguments = "update -qq", EnvironmentVariables = env });
    if (StartProcess("apt-get", new ProcessSettings { Arguments = "install -y -qq chromium", EnvironmentVariables = env }) != 0)
    {
        throw new CakeException("apt-get install chromium failed.");
    }
}
