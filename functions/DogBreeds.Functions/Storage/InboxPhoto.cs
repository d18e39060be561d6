namespace DogBreeds.Functions.Storage;

/// <summary>
/// A photo in the <c>images</c> inbox, parsed from its blob name: <c>train/&lt;breed&gt;/&lt;file&gt;</c> (labelled by
/// its folder), <c>train/&lt;file&gt;</c> (labelled by <c>train/labels.csv</c>) or <c>test/&lt;file&gt;</c> (to score).
/// Anything else (labels.csv, notes, other folders, files that are not photos by extension) is not a photo.
/// </summary>
/// <param name="Path">Blob name inside the <c>images</c> container.</param>
/// <param name="Id">File name without extension: the Kaggle id.</param>
/// <param name="Breed">Breed from the folder name, or null for the flat layout and for test photos.</param>
/// <param name="IsTest">True for <c>test/</c> photos.</param>
public sealed record InboxPhoto(string Path, string Id, string? Breed, bool IsTest)
{
    private static readonly HashSet<string> s_photoExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".tif", ".tiff",
    };

    /// <summary>True when the file name has a photo extension.</summary>
    public static bool HasPhotoExtension(string name) => s_photoExtensions.Contains(System.IO.Path.GetExtension(name));

    /// <summary>Parses an inbox blob name; false for blobs that are not photos to process.</summary>
    public static bool TryParse(string blobName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InboxPhoto? photo)
    {
        photo = null;
        if (string.IsNullOrEmpty(blobName) || blobName.EndsWith('/') || !HasPhotoExtension(blobName))
        {
            return false;
        }

        string[] parts = blobName.Split('/');
        string id = System.IO.Path.GetFileNameWithoutExtension(parts[^1]);
        if (id.Length == 0)
        {
            return false;
        }

        if (parts[0] == StorageLayout.TrainPrefix.TrimEnd('/'))
        {
            if (parts.Length == 2)
            {
                photo = new InboxPhoto(blobName, id, null, IsTest: false);
                return true;
            }

            if (parts.Length == 3 && parts[1].Length > 0)
            {
                photo = new InboxPhoto(blobName, id, parts[1], IsTest: false);
                return true;
            }

            return false;
        }

        if (parts[0] == StorageLayout.TestPrefix.TrimEnd('/') && parts.Length == 2)
        {
            photo = new InboxPhoto(blobName, id, null, IsTest: true);
            return true;
        }

        return false;
    }
}
