namespace DogBreeds.Core.Features;

/// <summary>
/// The labelled photos of a folder, in one of two layouts: folder per breed
/// (<c>DIR/&lt;breed&gt;/&lt;id&gt;.jpg</c>) or flat with a Kaggle labels CSV (<c>DIR/&lt;id&gt;.jpg</c> +
/// <c>id,breed</c>, id = file name without extension). Problems are collected, not thrown.
/// </summary>
public sealed class PhotoCatalog
{
    /// <summary>File extensions treated as photos (case-insensitive).</summary>
    public static readonly IReadOnlySet<string> ImageExtensions = new HashSet<string>(
        [".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp"], StringComparer.OrdinalIgnoreCase);

    private PhotoCatalog(IReadOnlyList<CatalogPhoto> photos, IReadOnlyList<CatalogProblem> problems)
    {
        Photos = photos;
        Problems = problems;
    }

    /// <summary>The photos found, sorted by breed then id (ordinal); unlabelled photos have a null breed.</summary>
    public IReadOnlyList<CatalogPhoto> Photos { get; }

    /// <summary>The problems found, each a sentence.</summary>
    public IReadOnlyList<CatalogProblem> Problems { get; }

    /// <summary>The labelled photos only.</summary>
    public IEnumerable<CatalogPhoto> Labelled => Photos.Where(p => p.Breed is not null);

    /// <summary>Breeds with at least one photo, sorted ordinal.</summary>
    public IReadOnlyList<string> Breeds => [.. Photos.Where(p => p.Breed is not null).Select(p => p.Breed!).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Scans <paramref name="imagesDir"/>: flat with <paramref name="labelsCsv"/> when given, else folder per breed.</summary>
    /// <param name="imagesDir">Folder of photos.</param>
    /// <param name="labelsCsv">Kaggle <c>id,breed</c> CSV for a flat folder, or null for folder per breed.</param>
    /// <param name="knownBreeds">When given, labels with other breeds are reported and dropped, and known breeds without photos are reported.</param>
    public static PhotoCatalog Scan(string imagesDir, string? labelsCsv, IReadOnlyCollection<string>? knownBreeds = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imagesDir);
        if (!Directory.Exists(imagesDir))
        {
            throw new DirectoryNotFoundException($"Photo folder '{imagesDir}' does not exist.");
        }

        if (labelsCsv is not null && !File.Exists(labelsCsv))
        {
            throw new FileNotFoundException($"Labels file '{labelsCsv}' does not exist.", labelsCsv);
        }

        var problems = new List<CatalogProblem>();
        var known = knownBreeds is null ? null : new HashSet<string>(knownBreeds, StringComparer.Ordinal);
        var photos = labelsCsv is null
            ? ScanFolders(Path.GetFullPath(imagesDir), known, problems)
            : ScanFlat(Path.GetFullPath(imagesDir), labelsCsv, known, problems);

        if (known is not null)
        {
            foreach (var breed in known.Except(photos.Where(p => p.Breed is not null).Select(p => p.Breed!)).Order(StringComparer.Ordinal))
            {
                problems.Add(new CatalogProblem(CatalogProblemKind.BreedWithoutPhotos, $"Breed '{breed}' has no photos."));
            }
        }

        CheckDuplicates(photos, problems);
        var sorted = photos
            .OrderBy(p => p.Breed ?? "\uffff", StringComparer.Ordinal)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ThenBy(p => p.Path, StringComparer.Ordinal)
            .ToList();
        return new PhotoCatalog(sorted, problems);
    }

    private static List<CatalogPhoto> ScanFolders(string root, HashSet<string>? known, List<CatalogProblem> problems)
    {
        var photos = new List<CatalogPhoto>();
        foreach (var file in ImageFiles(root, problems))
        {
            photos.Add(new CatalogPhoto(file, Path.GetFileNameWithoutExtension(file), null));
            problems.Add(new CatalogProblem(CatalogProblemKind.PhotoWithoutLabel, $"Photo '{file}' is not inside a breed folder, so it has no label."));
        }

        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var breed = Path.GetFileName(folder);
            var files = ImageFiles(folder, problems);
            if (known is not null && !known.Contains(breed))
            {
                problems.Add(new CatalogProblem(CatalogProblemKind.UnknownBreed, $"Folder '{folder}' is named after breed '{breed}', which is not a known breed; its {files.Count} photos are left out."));
                continue;
            }

            if (files.Count == 0)
            {
                problems.Add(new CatalogProblem(CatalogProblemKind.BreedWithoutPhotos, $"Breed folder '{folder}' holds no photos."));
                continue;
            }

            photos.AddRange(files.Select(f => new CatalogPhoto(f, Path.GetFileNameWithoutExtension(f), breed)));
        }

        return photos;
    }

    private static List<CatalogPhoto> ScanFlat(string root, string labelsCsv, HashSet<string>? known, List<CatalogProblem> problems)
    {
        var labels = ReadLabels(labelsCsv, known, problems);
        var photos = new List<CatalogPhoto>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in ImageFiles(root, problems))
        {
            var id = Path.GetFileNameWithoutExtension(file);
            found.Add(id);
            if (labels.TryGetValue(id, out var breed))
            {
                photos.Add(new CatalogPhoto(file, id, breed));
            }
            else
            {
                photos.Add(new CatalogPhoto(file, id, null));
                problems.Add(new CatalogProblem(CatalogProblemKind.PhotoWithoutLabel, $"Photo '{file}' has no label in '{labelsCsv}'."));
            }
        }

        foreach (var id in labels.Keys.Where(id => !found.Contains(id)).Order(StringComparer.Ordinal))
        {
            problems.Add(new CatalogProblem(CatalogProblemKind.LabelWithoutPhoto, $"Label '{id}' in '{labelsCsv}' names a photo that is not in '{root}'."));
        }

        return photos;
    }

    private static Dictionary<string, string> ReadLabels(string labelsCsv, HashSet<string>? known, List<CatalogProblem> problems)
    {
        try
        {
            return KaggleLabels.Parse(File.ReadAllText(labelsCsv), labelsCsv, known, problems);
        }
        catch (InvalidDataException e)
        {
            problems.Add(new CatalogProblem(CatalogProblemKind.BadLabelsFile, e.Message));
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }

    private static List<string> ImageFiles(string folder, List<CatalogProblem> problems)
    {
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (ImageExtensions.Contains(Path.GetExtension(file)))
            {
                files.Add(file);
            }
            else if (!name.StartsWith('.') && !name.Equals("labels.csv", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new CatalogProblem(CatalogProblemKind.SkippedFile, $"File '{file}' is not a photo (by its extension) and was skipped."));
            }
        }

        return files;
    }

    private static void CheckDuplicates(List<CatalogPhoto> photos, List<CatalogProblem> problems)
    {
        // Group by size first so that only files of equal length are hashed.
        var bySize = photos.GroupBy(p => new FileInfo(p.Path).Length).Where(g => g.Count() > 1);
        foreach (var sameSize in bySize)
        {
            foreach (var same in sameSize.GroupBy(p => PhotoHash.Sha256Hex(File.ReadAllBytes(p.Path)), StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                var group = same.OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
                var breeds = group.Select(p => p.Breed ?? "(none)").Distinct(StringComparer.Ordinal).ToList();
                var files = string.Join("', '", group.Select(p => p.Path));
                problems.Add(breeds.Count > 1
                    ? new CatalogProblem(CatalogProblemKind.SamePhotoDifferentBreeds, $"Photos '{files}' have the same bytes but different breeds ({string.Join(", ", breeds)}).")
                    : new CatalogProblem(CatalogProblemKind.DuplicatePhoto, $"Photos '{files}' have the same bytes (breed {breeds[0]})."));
            }
        }
    }
}
