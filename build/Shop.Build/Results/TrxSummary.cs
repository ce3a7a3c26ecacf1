using System.Xml.Linq;

namespace Shop.Build.Results;

/// <summary>The counters of the TRX files a test run wrote, added up: the build's <c>N passed, N failed</c>.</summary>
public sealed record TrxSummary(int Passed, int Failed)
{
    /// <summary>Errors, timeouts and aborted tests count as failed.</summary>
    public static TrxSummary Sum(IEnumerable<string> trxFiles)
    {
        int passed = 0, failed = 0;
        foreach (var file in trxFiles)
        {
            var counters = XDocument.Load(file).Descendants().First(e => e.Name.LocalName == "Counters");
            int Count(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0");
            passed += Count("passed");
            failed += Count("failed") + Count("error") + Count("timeout") + Count("aborted");
        }
        return new TrxSummary(passed, failed);
    }

    public override string ToString() => $"{Passed} passed, {Failed} failed";
}
