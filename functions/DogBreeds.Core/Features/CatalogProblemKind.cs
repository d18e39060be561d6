namespace DogBreeds.Core.Features;

/// <summary>Kinds of problem <see cref="PhotoCatalog.Scan"/> reports.</summary>
public enum CatalogProblemKind
{
    /// <summary>A label names a photo that is not in the folder.</summary>
    LabelWithoutPhoto,

    /// <summary>A photo has no label (its breed is null in the catalog).</summary>
    PhotoWithoutLabel,

    /// <summary>A label has an empty breed, or a breed not in the list of known breeds.</summary>
    UnknownBreed,

    /// <summary>The same id is labelled twice with different breeds (the first label is kept).</summary>
    ConflictingLabels,

    /// <summary>The same bytes appear under different breeds.</summary>
    SamePhotoDifferentBreeds,

    /// <summary>The same bytes appear twice under one breed.</summary>
    DuplicatePhoto,

    /// <summary>A breed (folder or known breed) has no photos.</summary>
    BreedWithoutPhotos,

    /// <summary>A file that is not an image (by extension) was skipped.</summary>
    SkippedFile,

    /// <summary>The labels file is malformed (missing columns, bad lines).</summary>
    BadLabelsFile,
}
