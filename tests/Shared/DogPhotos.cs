namespace DogBreeds.Tests;

/// <summary>
/// Locates the real dog photos (../shared/data/dogs relative to the folder holding DogBreeds.sln,
/// or $DOGBREEDS_DATA). When they are missing a test fails under CI=true and is skipped otherwise,
/// with a sentence saying where they were looked for. Linked into every test project.
/// </summary>
internal static class DogPhotos
{
    private static readonly Lazy<string?> s_root = new(FindRoot);

    /// <summary>The data folder (train/, val/, labels.csv, not-dogs/, breeds120/); fails or skips the test when missing.</summary>
    public static string Root => s_root.Value ?? Missing();

    /// <summary>Whether the photos were found (fixtures use it to do no work when they were not).</summary>
    public static bool Available => s_root.Value is not null;

    /// <summary>Flat Kaggle-layout training photos.</summary>
    public static string TrainDir => Path.Combine(Root, "train");

    /// <summary>Labels of <see cref="TrainDir"/> (id,breed).</summary>
    public static string LabelsCsv => Path.Combine(Root, "labels.csv");

    /// <summary>Folder-per-breed validation photos.</summary>
    public static string ValDir => Path.Combine(Root, "val");

    /// <summary>Photos of things that are not dogs.</summary>
    public static string NotDogsDir => Path.Combine(Root, "not-dogs");

    /// <summary>One photo per Kaggle breed.</summary>
    public static string Breeds120Dir => Path.Combine(Root, "breeds120");

    /// <summary>The first <paramref name="count"/> validation photos in ordinal path order, taken round-robin over the breeds.</summary>
    public static IReadOnlyList<string> ValPhotos(int count)
    {
        var perBreed = Directory.GetDirectories(ValDir).Order(StringComparer.Ordinal)
            .Select(d => Directory.GetFiles(d, "*.jpg").Order(StringComparer.Ordinal).ToList())
            .ToList();
        var photos = new List<string>();
        for (var i = 0; photos.Count < count && perBreed.Any(b => i < b.Count); i++)
        {
            photos.AddRange(perBreed.Where(b => i < b.Count).Select(b => b[i]).Take(count - photos.Count));
        }

        return photos;
    }

    private static string? FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOGBREEDS_DATA");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DogBreeds.sln")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "dogs"));
                return Directory.Exists(Path.Combine(candidate, "train")) ? candidate : null;
            }
        }

        return null;
    }

    private static string Missing()
    {
        var reason = "The real dog photos were not found: set DOGBREEDS_DATA or put them at ../shared/data/dogs beside the repository root (the folder holding DogBreeds.sln).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
        return string.Empty;
    }
}
