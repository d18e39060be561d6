namespace DogBreeds.Functions.Storage;

/// <summary>
/// Blob metadata values must be ASCII header text: paths and breed names are stored percent-encoded
/// (<see cref="Uri.EscapeDataString(string)"/>) and decoded on read.
/// </summary>
public static class BlobMetadataText
{
    /// <summary>Metadata key of the inbox path the features were extracted from.</summary>
    public const string PathKey = "path";

    /// <summary>Metadata key of the breed known at extraction time (empty when unknown).</summary>
    public const string LabelKey = "label";

    /// <summary>Metadata key of the backbone key.</summary>
    public const string BackboneKey = "backbone";

    /// <summary>Encodes a value for metadata.</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);

    /// <summary>Decodes a metadata value; null or empty stays null.</summary>
    public static string? Decode(IDictionary<string, string> metadata, string key)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.TryGetValue(key, out string? value) && !string.IsNullOrEmpty(value) ? Uri.UnescapeDataString(value) : null;
    }
}
