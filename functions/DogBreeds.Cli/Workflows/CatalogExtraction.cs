using DogBreeds.Cli.Console;
using DogBreeds.Core.Backbones;
using DogBreeds.Core.Features;

namespace DogBreeds.Cli.Workflows;

/// <summary>Runs a catalog's photos through the extractor, with a progress bar, reporting the photos it cannot read.</summary>
internal static class CatalogExtraction
{
    /// <summary>Reports the catalog's own problems (stray labels, unknown breeds...) into <paramref name="report"/>.</summary>
    public static void ReportProblems(PhotoCatalog catalog, ProblemReport report)
    {
        foreach (var problem in catalog.Problems)
        {
            report.Add(Describe(problem.Kind), problem.Message);
        }
    }

    /// <summary>Extracts every photo of <paramref name="photos"/>; the ones that cannot be read are reported and left out.</summary>
    public static async Task<ExtractedCatalog> ExtractAsync(
        FeatureExtractor extractor,
        IReadOnlyList<CatalogPhoto> photos,
        IFeatureCache? cache,
        ProblemReport report,
        string label,
        CancellationToken ct)
    {
        var byPath = new Dictionary<string, ExtractedPhoto>(StringComparer.Ordinal);
        using (var progress = new ProgressBar(label, photos.Count))
        {
            var inputs = photos.Select(p => PhotoInput.FromFile(p.Path));
            await foreach (var result in extractor.ExtractAllAsync(inputs, cache, ct).ConfigureAwait(false))
            {
                byPath[result.Name] = result;
                if (result.Error is not null)
                {
                    report.Add("unreadable photos", result.Error);
                }

                progress.Advance();
            }
        }

        var kept = new List<CatalogPhoto>(photos.Count);
        var results = new List<ExtractedPhoto>(photos.Count);
        foreach (var photo in photos)
        {
            if (byPath.TryGetValue(photo.Path, out var result) && result.Features is not null)
            {
                kept.Add(photo);
                results.Add(result);
            }
        }

        return new ExtractedCatalog(kept, results);
    }

    private static string Describe(CatalogProblemKind kind) => kind switch
    {
        CatalogProblemKind.LabelWithoutPhoto => "labels for a missing photo",
        CatalogProblemKind.PhotoWithoutLabel => "photos without a label",
        CatalogProblemKind.UnknownBreed => "labels with an unknown breed",
        CatalogProblemKind.ConflictingLabels => "photos labelled twice with different breeds",
        CatalogProblemKind.SamePhotoDifferentBreeds => "same photo under different breeds",
        CatalogProblemKind.DuplicatePhoto => "same photo twice under one breed",
        CatalogProblemKind.BreedWithoutPhotos => "breeds with no photos",
        CatalogProblemKind.SkippedFile => "files that are not photos (skipped)",
        CatalogProblemKind.BadLabelsFile => "bad lines in the labels file",
        _ => kind.ToString(),
    };
}
