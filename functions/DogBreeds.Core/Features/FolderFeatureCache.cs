using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DogBreeds.Core.Features;

/// <summary>
/// Feature cache in a folder: one file per vector at <c>DIR/&lt;key&gt;/&lt;sha[0..2]&gt;/&lt;sha&gt;.dbfv</c>
/// in <see cref="FeatureVectorCodec"/> form. Writes are atomic (temporary file, then move), so a
/// reader never sees half a file; a damaged file is treated as a miss, logged and rewritten by the
/// next <see cref="Put"/>. Safe to share between threads and processes.
/// </summary>
public sealed partial class FolderFeatureCache : IFeatureCache
{
    private const string Extension = ".dbfv";
    private readonly ILogger _logger;

    /// <summary>Creates a cache rooted at <paramref name="directory"/> (created on first write).</summary>
    public FolderFeatureCache(string directory, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The user's cache folder: $XDG_CACHE_HOME/dogbreeds, else ~/.cache/dogbreeds.</summary>
    public static string DefaultDirectory
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(root, "dogbreeds");
        }
    }

    /// <summary>Root folder of this cache.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public bool TryGet(string key, string sha256, [NotNullWhen(true)] out float[]? features)
    {
        var path = PathFor(key, sha256);
        features = null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable cache file costs one more CNN run, never the extraction.
            LogUnreadable(_logger, path, e.Message);
            return false;
        }

        try
        {
            features = FeatureVectorCodec.Decode(bytes);
            return true;
        }
        catch (InvalidDataException e)
        {
            LogCorrupt(_logger, path, e.Message);
            return false;
        }
    }

    /// <inheritdoc />
    public void Put(string key, string sha256, float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var path = PathFor(key, sha256);
        var folder = Path.GetDirectoryName(path)!;
        System.IO.Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $"{sha256}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, FeatureVectorCodec.Encode(features));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The file that holds (or would hold) a vector.</summary>
    public string PathFor(string key, string sha256)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (!PhotoHash.IsSha256Hex(sha256))
        {
            throw new ArgumentException($"'{sha256}' is not a SHA-256 in 64 lower-case hex digits.", nameof(sha256));
        }

        // One folder name per key: path separators become '_', and a leading '.' is escaped so that
        // "." or ".." can never climb out of the cache folder.
        var safeKey = string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '+' ? c : '_'));
        if (safeKey.StartsWith('.'))
        {
            safeKey = "_" + safeKey;
        }

        return Path.Combine(Directory, safeKey, sha256[..2], sha256 + Extension);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feature cache file {Path} cannot be read ({Reason}); treating it as a miss")]
    private static partial void LogUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feature cache file {Path} is damaged ({Reason}); treating it as a miss, it will be rewritten")]
    private static partial void LogCorrupt(ILogger logger, string path, string reason);
}
