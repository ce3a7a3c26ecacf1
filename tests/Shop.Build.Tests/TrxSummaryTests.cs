using Shop.Build.Results;

namespace Shop.Build.Tests;

[TestClass]
public sealed class TrxSummaryTests
{
    private string folder = null!;

    [TestInitialize]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("trx-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [TestMethod]
    public void Passed_tests_of_every_file_add_up_and_errors_timeouts_and_aborted_tests_count_as_failed()
    {
        var files = new[]
        {
            Trx("a.trx", """<Counters total="12" executed="12" passed="10" failed="1" error="1" timeout="0" aborted="0" />"""),
            Trx("b.trx", """<Counters total="9" executed="9" passed="5" failed="0" error="0" timeout="2" aborted="1" notExecuted="1" />"""),
        };

        var summary = TrxSummary.Sum(files);

        Assert.AreEqual(new TrxSummary(15, 5), summary);
        Assert.AreEqual("15 passed, 5 failed", summary.ToString());
    }

    [TestMethod]
    public void Counters_a_file_leaves_out_count_as_none()
    {
        Assert.AreEqual(new TrxSummary(3, 0), TrxSummary.Sum([Trx("c.trx", """<Counters total="3" passed="3" />""")]));
    }

    [TestMethod]
    public void No_files_make_no_tests()
    {
        Assert.AreEqual(new TrxSummary(0, 0), TrxSummary.Sum([]));
    }

    // The shape dotnet test's trx logger writes: the counters deep inside, in the TRX namespace.
    private string Trx(string name, string counters)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="1" name="run" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <ResultSummary outcome="Completed">
                {counters}
              </ResultSummary>
            </TestRun>
            """);
        return path;
    }
}
