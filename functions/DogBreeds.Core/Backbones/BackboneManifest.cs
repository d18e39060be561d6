using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DogBreeds.Core.Images;

namespace DogBreeds.Core.Backbones;

/// <summary>
/// Describes an ONNX backbone: which model files to run, what they take in and give out. Stored as
/// JSON (<c>backbone.json</c>) beside the model files; see docs/backbones.md.
/// </summary>
/// <remarks>
/// The built-in <c>resnet18</c> chains ResNetPreprocess.onnx (input <c>OriginalInput</c>, planar RGB
/// 0-255; it swaps to BGR and subtracts a mean image, i.e. it does the caffe step) and ResNet18.onnx
/// (output <c>Pooling395_Output_0</c>, [N, 512, 1, 1] after its own 7 x 7 average pool), so its
/// manifest says preprocessing <c>none</c> and pooling <c>none</c>.
/// </remarks>
public sealed record BackboneManifest
{
    /// <summary>File name of a manifest inside a backbone folder.</summary>
    public const string FileName = "backbone.json";

    /// <summary>Name of the built-in backbone.</summary>
    public const string BuiltInResNet18 = "resnet18";

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = false,
    };

    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Modified), string> s_fileHashes = new();

    /// <summary>Short name of the backbone (letters, digits, '-', '_', '.'): part of cache keys and model manifests.</summary>
    public required string Id { get; init; }

    /// <summary>ONNX files, relative to the manifest's folder, run one after the other (each model's output is the next one's input).</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>Input of the first model; null = its only input.</summary>
    public string? InputName { get; init; }

    /// <summary>Output of the last model; null = its only output.</summary>
    public string? OutputName { get; init; }

    /// <summary>Side of the square input in pixels (224 for ResNet, 299 for Inception).</summary>
    public int InputSize { get; init; } = 224;

    /// <summary>Layout of the input (and of a spatial output that is pooled).</summary>
    public TensorLayout Layout { get; init; } = TensorLayout.Nchw;

    /// <summary>Pixel preprocessing done before the first model.</summary>
    public PixelPreprocessing Preprocessing { get; init; } = PixelPreprocessing.None;

    /// <summary>Pooling applied to the last model's output.</summary>
    public FeaturePooling Pooling { get; init; } = FeaturePooling.None;

    /// <summary>How a photo becomes a square.</summary>
    public CropMode Crop { get; init; } = CropMode.Center;

    /// <summary>Fraction of the short side kept by the centre crop (0.875: resize the short side to size / 0.875, crop the centre).</summary>
    public double CropFraction { get; init; } = PhotoTensorWriter.DefaultCropFraction;

    /// <summary>Test-time augmentation: average the features of the photo and its mirror image.</summary>
    public bool TestTimeFlip { get; init; }

    /// <summary>Folder the model paths are relative to (set by <see cref="Load"/>; not serialized).</summary>
    [JsonIgnore]
    public string Directory { get; init; } = AppContext.BaseDirectory;

    /// <summary>Full paths of <see cref="Models"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ModelPaths => [.. Models.Select(m => Path.GetFullPath(Path.Combine(Directory, m)))];

    /// <summary>
    /// SHA-256 (lower-case hex) of the canonical manifest JSON (this record serialized, camelCase,
    /// without <see cref="Directory"/>) followed by the SHA-256 of each model file in order: it
    /// changes when any setting or any model byte changes. Model file hashes are cached per process
    /// by (path, size, modification time).
    /// </summary>
    [JsonIgnore]
    public string Sha256
    {
        get
        {
            var text = new StringBuilder(ToJson());
            foreach (var path in ModelPaths)
            {
                text.Append('\n').Append(FileSha256(path));
            }

            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
    }

    /// <summary>Serializes the manifest (without its folder) as compact camelCase JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>Reads and validates a manifest file; model paths resolve against its folder.</summary>
    public static BackboneManifest Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Backbone manifest '{full}' does not exist.", full);
        }

        BackboneManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackboneManifest>(File.ReadAllText(full), s_json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Backbone manifest '{full}' is not valid JSON for a backbone ({e.Message.TrimEnd('.')}).", e);
        }

        if (manifest is null)
        {
            throw new InvalidDataException($"Backbone manifest '{full}' is empty.");
        }

        manifest = manifest with { Directory = Path.GetDirectoryName(full)! };
        manifest.Validate();
        return manifest;
    }

    /// <summary>
    /// Finds a backbone by name or path: a path to a manifest file, a folder holding
    /// <c>backbone.json</c>, or the name of a backbone under AppContext.BaseDirectory/backbones/
    /// (the built-in <c>resnet18</c> is there).
    /// </summary>
    public static BackboneManifest Resolve(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (File.Exists(nameOrPath))
        {
            return Load(nameOrPath);
        }

        if (System.IO.Directory.Exists(nameOrPath) && File.Exists(Path.Combine(nameOrPath, FileName)))
        {
            return Load(Path.Combine(nameOrPath, FileName));
        }

        var builtInRoot = Path.Combine(AppContext.BaseDirectory, "backbones");
        var candidate = Path.Combine(builtInRoot, nameOrPath, FileName);
        if (nameOrPath.IndexOfAny(['/', '\\']) < 0 && File.Exists(candidate))
        {
            return Load(candidate);
        }

        var known = System.IO.Directory.Exists(builtInRoot)
            ? string.Join(", ", System.IO.Directory.GetDirectories(builtInRoot).Where(d => File.Exists(Path.Combine(d, FileName))).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            : string.Empty;
        throw new FileNotFoundException($"Backbone '{nameOrPath}' is neither a manifest file, a folder holding {FileName}, nor a known backbone ({(known.Length == 0 ? "none installed" : known)}).");
    }

    /// <summary>Throws <see cref="InvalidDataException"/> with a sentence when a setting is wrong or a model file is missing.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Id) || !Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new InvalidDataException($"Backbone id '{Id}' must be non-empty and use only letters, digits, '-', '_' and '.'.");
        }

        if (Models is null || Models.Count == 0)
        {
            throw new InvalidDataException($"Backbone '{Id}' lists no ONNX model files.");
        }

        if (InputSize is < 1 or > 4096)
        {
            throw new InvalidDataException($"Backbone '{Id}' has input size {InputSize}; it must be between 1 and 4096 pixels.");
        }

        if (!(CropFraction > 0 && CropFraction <= 1))
        {
            throw new InvalidDataException($"Backbone '{Id}' has crop fraction {CropFraction}; it must be in (0, 1].");
        }

        if (!Enum.IsDefined(Layout) || !Enum.IsDefined(Preprocessing) || !Enum.IsDefined(Pooling) || !Enum.IsDefined(Crop))
        {
            throw new InvalidDataException($"Backbone '{Id}' has an unknown layout, preprocessing, pooling or crop value.");
        }

        foreach (var path in ModelPaths)
        {
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"Backbone '{Id}' names model file '{path}', which does not exist.");
            }
        }
    }

    private static string FileSha256(string path)
    {
        var info = new FileInfo(path);
        return s_fileHashes.GetOrAdd((info.FullName, info.Length, info.LastWriteTimeUtc), static key =>
        {
            using var stream = File.OpenRead(key.Path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        });
    }
}
