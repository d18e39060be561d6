using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using DogBreeds.Core.Evaluation;
using DogBreeds.Core.Features;
using DogBreeds.Core.Training;

namespace DogBreeds.Core.Models;

/// <summary>
/// A trained breed classifier (immutable, thread-safe): variance mask, standardisation, bagged ensemble
/// members, calibration temperature and not-dog threshold. Saved as a versioned folder of two files,
/// manifest.json and weights.bin (float32 little-endian), or as the same files in memory (blobs).
/// </summary>
public sealed class BreedModel
{
    /// <summary>Format version this build writes and the newest it reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Name of the manifest file.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>Name of the weights file.</summary>
    public const string WeightsFileName = "weights.bin";

    private const uint WeightsMagic = 0x57424744; // "DGBW" little-endian

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly float[] _means;
    private readonly float[] _scales;
    private readonly EnsembleMember[] _members;

    internal BreedModel(ModelManifest manifest, float[] means, float[] scales, EnsembleMember[] members)
    {
        Manifest = manifest;
        _means = means;
        _scales = scales;
        _members = members;
    }

    /// <summary>The manifest (classes, backbone, mask, members, calibration, threshold, options, metrics).</summary>
    public ModelManifest Manifest { get; }

    /// <summary>Breeds, in the order of every probability vector.</summary>
    public IReadOnlyList<string> Classes => Manifest.Classes;

    /// <summary>A photo is a dog when its calibrated max probability is at or above this.</summary>
    public double NotDogThreshold => Manifest.NotDogThreshold;

    /// <summary>Calibration temperature.</summary>
    public double Temperature => Manifest.Temperature;

    /// <summary>Length of the feature vectors the model takes.</summary>
    public int InputDimension => Manifest.InputDimension;

    /// <summary>The ensemble members.</summary>
    public IReadOnlyList<EnsembleMember> Members => _members;

    /// <summary>Calibrated breed probabilities of one feature vector (they sum to 1).</summary>
    /// <exception cref="ArgumentException">The vector has the wrong length.</exception>
    public float[] PredictProbabilities(ReadOnlySpan<float> features)
    {
        var result = new float[Classes.Count];
        var standardised = new float[_means.Length];
        var gathered = new float[MaxMemberFeatures()];
        Predict(features, result, standardised, gathered, calibrated: true);
        return result;
    }

    /// <summary>Calibrated probabilities of every row (rows x classes, row-major).</summary>
    public float[] PredictProbabilities(LabelledFeatures data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return PredictRows(data.Values, data.Columns, calibrated: true);
    }

    /// <summary>Probabilities of every row of row-major <paramref name="values"/> (rows x classes).</summary>
    public float[] PredictRows(ReadOnlySpan<float> values, int columns, bool calibrated = true)
    {
        if (columns != InputDimension || values.Length % columns != 0)
        {
            throw new ArgumentException($"The model takes {InputDimension} features per photo, but the rows have {columns}.", nameof(columns));
        }

        var rows = values.Length / columns;
        var k = Classes.Count;
        var result = new float[rows * k];
        var standardised = new float[_means.Length];
        var gathered = new float[MaxMemberFeatures()];
        for (var r = 0; r < rows; r++)
        {
            Predict(values.Slice(r * columns, columns), result.AsSpan(r * k, k), standardised, gathered, calibrated);
        }

        return result;
    }

    /// <summary>Whether calibrated probabilities say "dog": max probability at or above <see cref="NotDogThreshold"/>.</summary>
    public bool IsDog(ReadOnlySpan<float> probabilities) => TensorPrimitives.Max(probabilities) >= NotDogThreshold;

    /// <summary>The model as named files (manifest.json, weights.bin), e.g. to store as blobs.</summary>
    public IReadOnlyDictionary<string, byte[]> ToFiles()
    {
        var weights = EncodeWeights();
        return new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [ManifestFileName] = JsonSerializer.SerializeToUtf8Bytes(Manifest, s_json),
            [WeightsFileName] = weights,
        };
    }

    /// <summary>
    /// Reads a model from named files. With <paramref name="expectedBackboneSha256"/>, refuses a model trained
    /// on another backbone.
    /// </summary>
    /// <exception cref="ModelFormatException">A file is missing or corrupt, the format is newer, or the backbone differs.</exception>
    public static BreedModel FromFiles(IReadOnlyDictionary<string, byte[]> files, string? expectedBackboneSha256 = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (!files.TryGetValue(ManifestFileName, out var manifestBytes))
        {
            throw new ModelFormatException($"The model has no {ManifestFileName}.");
        }

        if (!files.TryGetValue(WeightsFileName, out var weights))
        {
            throw new ModelFormatException($"The model has no {WeightsFileName}.");
        }

        int formatVersion;
        try
        {
            using var document = JsonDocument.Parse(manifestBytes);
            formatVersion = document.RootElement.TryGetProperty("formatVersion", out var v) && v.TryGetInt32(out var n) ? n : 0;
        }
        catch (JsonException e)
        {
            throw new ModelFormatException($"The model's {ManifestFileName} is not valid JSON: {e.Message}", e);
        }

        if (formatVersion > CurrentFormatVersion)
        {
            throw new ModelFormatException(
                $"The model has format version {formatVersion}, which is newer than the version {CurrentFormatVersion} this build reads; update the application to load it.");
        }

        if (formatVersion < 1)
        {
            throw new ModelFormatException($"The model's {ManifestFileName} has no valid formatVersion.");
        }

        ModelManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(manifestBytes, s_json) ?? throw new ModelFormatException($"The model's {ManifestFileName} is empty.");
        }
        catch (JsonException e)
        {
            throw new ModelFormatException($"The model's {ManifestFileName} does not describe a model: {e.Message}", e);
        }

        if (expectedBackboneSha256 is not null && !string.Equals(manifest.BackboneSha256, expectedBackboneSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelFormatException(
                $"The model was trained on backbone '{manifest.BackboneId}' (SHA-256 {manifest.BackboneSha256}), not on the expected backbone (SHA-256 {expectedBackboneSha256}); retrain it on that backbone's features.");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(weights));
        if (!string.Equals(hash, manifest.WeightsSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelFormatException($"The model's {WeightsFileName} has SHA-256 {hash}, not the {manifest.WeightsSha256} its manifest records; the file is corrupt or from another model.");
        }

        return DecodeWeights(manifest, weights);
    }

    /// <summary>Saves the model as a folder (created if missing; existing model files are replaced).</summary>
    public void Save(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        foreach (var (name, bytes) in ToFiles())
        {
            var path = Path.Combine(directory, name);
            var temporary = path + ".tmp";
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
    }

    /// <summary>Loads a model folder written by <see cref="Save"/>.</summary>
    /// <exception cref="ModelFormatException">A file is missing or corrupt, the format is newer, or the backbone differs.</exception>
    public static BreedModel Load(string directory, string? expectedBackboneSha256 = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new ModelFormatException($"The model folder '{directory}' does not exist.");
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in new[] { ManifestFileName, WeightsFileName })
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                files[name] = File.ReadAllBytes(path);
            }
        }

        return FromFiles(files, expectedBackboneSha256);
    }

    /// <summary>Builds a model, recording the SHA-256 of its weights in the manifest.</summary>
    internal static BreedModel Create(ModelManifest manifest, float[] means, float[] scales, EnsembleMember[] members)
    {
        var draft = new BreedModel(manifest, means, scales, members);
        var hash = Convert.ToHexStringLower(SHA256.HashData(draft.EncodeWeights()));
        return new BreedModel(manifest with { WeightsSha256 = hash }, means, scales, members);
    }

    /// <summary>The same model with another calibration, threshold and metrics.</summary>
    internal BreedModel With(double temperature, double notDogThreshold, EvaluationReport? metrics) =>
        new(Manifest with { Temperature = temperature, NotDogThreshold = notDogThreshold, Metrics = metrics }, _means, _scales, _members);

    private int MaxMemberFeatures() => _members.Max(m => m.FeatureIndices.Length);

    private void Predict(ReadOnlySpan<float> features, Span<float> result, float[] standardised, float[] gathered, bool calibrated)
    {
        if (features.Length != InputDimension)
        {
            throw new ArgumentException($"The model takes {InputDimension} features per photo, but got {features.Length}.", nameof(features));
        }

        var mask = Manifest.VarianceMask;
        for (var p = 0; p < mask.Length; p++)
        {
            standardised[p] = (features[mask[p]] - _means[p]) * _scales[p];
        }

        result.Clear();
        Span<double> member = stackalloc double[Classes.Count];
        foreach (var m in _members)
        {
            var f = m.FeatureIndices.Length;
            var x = gathered.AsSpan(0, f);
            for (var j = 0; j < f; j++)
            {
                x[j] = standardised[m.FeatureIndices[j]];
            }

            var k = m.ClassIndices.Length;
            double sum = 0;
            var max = double.NegativeInfinity;
            for (var c = 0; c < k; c++)
            {
                member[c] = TensorPrimitives.Dot(m.Weights.AsSpan(c * f, f), x) + (double)m.Intercepts[c];
                max = Math.Max(max, member[c]);
            }

            for (var c = 0; c < k; c++)
            {
                member[c] = m.Loss == SgdLoss.OneVsRest ? 1 / (1 + Math.Exp(-member[c])) : Math.Exp(member[c] - max);
                sum += member[c];
            }

            for (var c = 0; c < k; c++)
            {
                // An all-zero one-vs-rest row (every sigmoid underflowed) counts as uniform, never as 0 / 0.
                result[m.ClassIndices[c]] += (float)(sum > 0 ? member[c] / sum : 1.0 / k);
            }
        }

        TensorPrimitives.Divide(result, _members.Length, result);
        if (calibrated)
        {
            TemperatureScaling.Apply(result, Temperature);
        }
    }

    private byte[] EncodeWeights()
    {
        var count = _means.Length + _scales.Length + _members.Sum(m => m.Weights.Length + m.Intercepts.Length);
        var bytes = new byte[12 + (4 * count)];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, WeightsMagic);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), CurrentFormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), count);
        var offset = 12;
        void Put(float[] values)
        {
            foreach (var v in values)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(offset), v);
                offset += 4;
            }
        }

        Put(_means);
        Put(_scales);
        foreach (var m in _members)
        {
            Put(m.Weights);
            Put(m.Intercepts);
        }

        return bytes;
    }

    private static BreedModel DecodeWeights(ModelManifest manifest, byte[] bytes)
    {
        var m = manifest.VarianceMask?.Length ?? 0;
        var members = manifest.Members ?? [];
        var expected = (2L * m) + members.Sum(x => ((long)(x.FeatureIndices?.Length ?? 0) * (x.ClassIndices?.Length ?? 0)) + (x.ClassIndices?.Length ?? 0));
        if (bytes.Length < 12 || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != WeightsMagic)
        {
            throw new ModelFormatException($"The model's {WeightsFileName} is not a weights file (wrong magic number).");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        if (count != expected || bytes.Length != 12 + (4L * count) || members.Count == 0 || manifest.Classes is null || manifest.Classes.Count == 0)
        {
            throw new ModelFormatException($"The model's {WeightsFileName} holds {count} values, but its manifest describes {expected}.");
        }

        var offset = 12;
        float[] Take(int n)
        {
            var values = new float[n];
            for (var i = 0; i < n; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset));
                offset += 4;
            }

            return values;
        }

        var means = Take(m);
        var scales = Take(m);
        var ensemble = new EnsembleMember[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            var d = members[i];
            if (d.FeatureIndices.Any(p => (uint)p >= (uint)m) || d.ClassIndices.Any(c => (uint)c >= (uint)manifest.Classes.Count)
                || manifest.VarianceMask!.Any(j => (uint)j >= (uint)manifest.InputDimension))
            {
                throw new ModelFormatException($"Member {d.Index} of the model's manifest refers to a feature or class that does not exist.");
            }

            var weights = Take(d.FeatureIndices.Length * d.ClassIndices.Length);
            var intercepts = Take(d.ClassIndices.Length);
            ensemble[i] = new EnsembleMember(d.Index, d.Loss, d.FeatureIndices, d.ClassIndices, weights, intercepts, d.Epochs, d.FinalLoss, d.BagRows);
        }

        return new BreedModel(manifest, means, scales, ensemble);
    }
}
