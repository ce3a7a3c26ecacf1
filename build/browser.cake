// Debian's chromium, which the web app's browser tests (tests/Shop.Web.EndToEnd.Tests) drive through Playwright.
void InstallBrowserIfMissing() =>
    InstallIfMissing(EnvironmentVariable("SHOP_CHROMIUM") ?? "/usr/bin/chromium", "chromium", "the web tests", "SHOP_CHROMIUM");
