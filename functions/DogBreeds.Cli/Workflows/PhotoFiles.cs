using DogBreeds.Core.Features;

namespace DogBreeds.Cli.Workflows;

/// <summary>Unlabelled photos: every photo file directly in a folder, sorted by name.</summary>
internal static class PhotoFiles
{
    public static CatalogPhoto[] List(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Photo folder '{directory}' does not exist.");
        }

        return
        [
            .. Directory.EnumerateFiles(directory)
                .Where(p => PhotoCatalog.ImageExtensions.Contains(Path.GetExtension(p)))
                .Order(StringComparer.Ordinal)
                .Select(p => new CatalogPhoto(Path.GetFullPath(p), Path.GetFileNameWithoutExtension(p), null)),
        ];
    }
}
