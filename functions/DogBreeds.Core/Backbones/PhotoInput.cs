using DogBreeds.Core.Images;

namespace DogBreeds.Core.Backbones;

/// <summary>A photo to extract: its name and how to read its bytes.</summary>
/// <param name="Name">Name reported back (file name, blob name).</param>
/// <param name="ReadAsync">Reads the whole photo.</param>
public sealed record PhotoInput(string Name, Func<CancellationToken, ValueTask<byte[]>> ReadAsync)
{
    /// <summary>A photo read from a file; a file over <paramref name="maxBytes"/> is refused before it is read.</summary>
    public static PhotoInput FromFile(string path, long maxBytes = PhotoLimits.DefaultMaxBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new PhotoInput(path, async ct =>
        {
            var length = new FileInfo(path).Length;
            if (length > maxBytes)
            {
                throw new InvalidPhotoException(path, PhotoProblem.TooLarge, $"Photo '{path}' is {length:N0} bytes, over the {maxBytes:N0}-byte limit.");
            }

            return await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        });
    }

    /// <summary>A photo already in memory.</summary>
    public static PhotoInput FromBytes(string name, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new PhotoInput(name, _ => ValueTask.FromResult(bytes));
    }
}
