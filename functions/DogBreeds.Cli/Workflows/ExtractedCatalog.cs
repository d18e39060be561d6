using DogBreeds.Core.Backbones;
using DogBreeds.Core.Features;

namespace DogBreeds.Cli.Workflows;

/// <summary>The photos of a catalog that were read, each with its features and the SHA-256 of its bytes.</summary>
internal sealed record ExtractedCatalog(IReadOnlyList<CatalogPhoto> Photos, IReadOnlyList<ExtractedPhoto> Results)
{
    /// <summary>The labelled photos as a training or evaluation set, in catalog order; ids are the photo ids.</summary>
    public LabelledFeatures ToLabelledFeatures(IReadOnlyList<string>? classes = null)
    {
        var rows = new List<(string Id, string Breed, float[] Features)>(Photos.Count);
        for (var i = 0; i < Photos.Count; i++)
        {
            if (Photos[i].Breed is { } breed)
            {
                rows.Add((Photos[i].Id, breed, Results[i].Features!));
            }
        }

        return classes is null ? LabelledFeatures.Create(rows) : LabelledFeatures.Create(rows, classes);
    }

    /// <summary>Keeps the photos for which <paramref name="keep"/> holds.</summary>
    public ExtractedCatalog Where(Func<CatalogPhoto, ExtractedPhoto, bool> keep)
    {
        var photos = new List<CatalogPhoto>();
        var results = new List<ExtractedPhoto>();
        for (var i = 0; i < Photos.Count; i++)
        {
            if (keep(Photos[i], Results[i]))
            {
                photos.Add(Photos[i]);
                results.Add(Results[i]);
            }
        }

        return new ExtractedCatalog(photos, results);
    }
}
