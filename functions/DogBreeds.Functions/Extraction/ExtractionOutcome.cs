namespace DogBreeds.Functions.Extraction;

/// <summary>What one extraction invocation did with an inbox blob.</summary>
public enum ExtractionOutcome
{
    /// <summary>The photo went through the CNN and its feature blob was written.</summary>
    Extracted,

    /// <summary>A feature blob for these bytes already existed: no CNN pass.</summary>
    AlreadyExtracted,

    /// <summary>The photo can never be read; recorded under <c>features/_rejected/</c>, not retried.</summary>
    Rejected,

    /// <summary>Not a photo to process (labels.csv, notes, other folders): skipped quietly.</summary>
    Skipped,
}
