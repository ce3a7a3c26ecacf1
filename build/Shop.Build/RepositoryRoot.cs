namespace Shop.Build;

/// <summary>The checkout the tests, the contract tests and the benchmarks run from: the folder holding Shop.sln.</summary>
public static class RepositoryRoot
{
    /// <summary>The folder holding Shop.sln above the running assembly, or null when there is none (a copied build).</summary>
    public static string? Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Shop.sln"))) return folder.FullName;
        }
        return null;
    }

    /// <summary>The folder holding Shop.sln above the running assembly.</summary>
    public static string Folder => Find() ?? throw new InvalidOperationException($"Shop.sln not found above {AppContext.BaseDirectory}.");
}
