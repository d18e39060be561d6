using System.Buffers;
using System.Numerics.Tensors;
using DogBreeds.Core.Backbones.Onnx;
using DogBreeds.Core.Images;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DogBreeds.Core.Backbones;

/// <summary>
/// Runs one backbone (a chain of ONNX models) over batches of preprocessed photos and reduces its
/// output to one vector per photo (flatten or global average pool; mirror pairs averaged).
/// </summary>
internal sealed class BackboneRunner
{
    private readonly OnnxModel[] _models;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    public BackboneRunner(BackboneManifest manifest, ExecutionProvider provider, ILogger logger)
    {
        Manifest = manifest;
        Writer = new PhotoTensorWriter(manifest.InputSize, manifest.Layout, manifest.Preprocessing, manifest.Crop, manifest.CropFraction);
        var paths = manifest.ModelPaths;
        _models = new OnnxModel[paths.Count];
        _inputNames = new string[paths.Count];
        _outputNames = new string[paths.Count];
        for (var i = 0; i < paths.Count; i++)
        {
            // Earlier models in a chain are tiny (e.g. ResNetPreprocess.onnx): one thread. The last
            // model gets the cores left per concurrent batch (see InferenceWorkers): on 2 cores, two
            // single-threaded batches at once beat one batch on two threads (measured on the shared
            // 2-core machine, ResNet18, batch 16, two A/B pairs: 19.6/20.1 vs 12.7/16.5 images/s,
            // 34.1/31.8 vs 40.3/36.3 CPU ms per photo).
            var threads = i < paths.Count - 1 ? 1 : ThreadsPerWorker;
            _models[i] = OnnxSessionCache.Get(paths[i], provider, threads, logger);
            var session = _models[i].Session;
            _inputNames[i] = PickName(session.InputMetadata.Keys, i == 0 ? manifest.InputName : null, "input", paths[i]);
            _outputNames[i] = PickName(session.OutputMetadata.Keys, i == paths.Count - 1 ? manifest.OutputName : null, "output", paths[i]);
        }

        Batchable = _models.All(m => m.Batchable);
        Provider = _models[^1].Provider;
        Dimension = Probe();
    }

    /// <summary>Batches run at once by the extractor: up to 4, one per core on small machines.</summary>
    public static int InferenceWorkers => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Intra-op threads of the main model's session: the cores shared out between the workers.</summary>
    public static int ThreadsPerWorker => Math.Max(1, Environment.ProcessorCount / InferenceWorkers);

    public BackboneManifest Manifest { get; }

    public PhotoTensorWriter Writer { get; }

    public int Dimension { get; }

    public bool Batchable { get; }

    public ExecutionProvider Provider { get; }

    /// <summary>Tensors per photo: 2 with test-time flip (photo and mirror), else 1.</summary>
    public int Copies => Manifest.TestTimeFlip ? 2 : 1;

    /// <summary>Floats one photo takes in an input batch.</summary>
    public int PhotoLength => Writer.Length * Copies;

    /// <summary>Writes the photo (and its mirror with test-time flip) into <paramref name="destination"/>.</summary>
    public void Fill(Image<Rgb24> photo, Span<float> destination)
    {
        if (Manifest.TestTimeFlip)
        {
            Writer.WriteWithMirror(photo, destination);
        }
        else
        {
            Writer.Write(photo, destination);
        }
    }

    /// <summary>
    /// Runs <paramref name="photos"/> photos laid out one after the other in <paramref name="input"/>
    /// (<see cref="PhotoLength"/> floats each) and writes photo i's vector into
    /// <c>targets[i][offset..offset + Dimension]</c>.
    /// </summary>
    public void Run(float[] input, int photos, IReadOnlyList<float[]> targets, int offset)
    {
        var step = Batchable ? photos : 1;
        for (var start = 0; start < photos; start += step)
        {
            var count = Math.Min(step, photos - start);
            RunChunk(input, start, count, (span, shape, n) => Reduce(span, shape, n, targets, start, offset));
        }
    }

    private delegate void OutputReader(ReadOnlySpan<float> output, long[] shape, int tensors);

    private void RunChunk(float[] input, int startPhoto, int photos, OutputReader read)
    {
        var tensors = photos * Copies;
        var size = Writer.Size;
        long[] shape = Manifest.Layout == TensorLayout.Nchw ? [tensors, 3, size, size] : [tensors, size, size, 3];
        var memory = new Memory<float>(input, startPhoto * PhotoLength, tensors * Writer.Length);
        using var inputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, memory, shape);
        using var runOptions = new RunOptions();
        IDisposableReadOnlyCollection<OrtValue>? previous = null;
        try
        {
            var current = inputValue;
            for (var i = 0; i < _models.Length; i++)
            {
                var outputs = _models[i].Session.Run(runOptions, [_inputNames[i]], [current], [_outputNames[i]]);
                previous?.Dispose();
                previous = outputs;
                current = outputs[0];
            }

            var info = current.GetTensorTypeAndShape();
            if (info.ElementDataType != TensorElementType.Float)
            {
                throw new InvalidDataException($"Backbone '{Manifest.Id}' outputs {info.ElementDataType} values; float32 is required.");
            }

            read(current.GetTensorDataAsSpan<float>(), info.Shape, tensors);
        }
        finally
        {
            previous?.Dispose();
        }
    }

    private int Probe()
    {
        var input = new float[PhotoLength];
        var dimension = 0;
        RunChunk(input, 0, 1, (output, shape, tensors) => dimension = VectorLength(output.Length, shape, tensors));
        return dimension;
    }

    private int VectorLength(int total, long[] shape, int tensors)
    {
        if (Manifest.Pooling == FeaturePooling.Avg && shape.Length == 4)
        {
            return (int)(Manifest.Layout == TensorLayout.Nchw ? shape[1] : shape[3]);
        }

        return total / tensors;
    }

    private void Reduce(ReadOnlySpan<float> output, long[] shape, int tensors, IReadOnlyList<float[]> targets, int firstPhoto, int offset)
    {
        var length = VectorLength(output.Length, shape, tensors);
        if (length != Dimension || output.Length % tensors != 0)
        {
            throw new InvalidDataException($"Backbone '{Manifest.Id}' gave an output of shape [{string.Join(", ", shape)}] for {tensors} inputs, not {Dimension} values per photo.");
        }

        var perTensor = output.Length / tensors;
        var buffer = ArrayPool<float>.Shared.Rent(Dimension);
        try
        {
            var vector = buffer.AsSpan(0, Dimension);
            for (var photo = 0; photo < tensors / Copies; photo++)
            {
                var target = targets[firstPhoto + photo].AsSpan(offset, Dimension);
                for (var copy = 0; copy < Copies; copy++)
                {
                    var raw = output.Slice(((photo * Copies) + copy) * perTensor, perTensor);
                    Pool(raw, shape, vector);
                    if (copy == 0)
                    {
                        vector.CopyTo(target);
                    }
                    else
                    {
                        TensorPrimitives.Add(target, vector, target);
                    }
                }

                if (Copies > 1)
                {
                    TensorPrimitives.Multiply(target, 1f / Copies, target);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    private void Pool(ReadOnlySpan<float> raw, long[] shape, Span<float> vector)
    {
        if (Manifest.Pooling != FeaturePooling.Avg || shape.Length != 4)
        {
            raw.CopyTo(vector);
            return;
        }

        var channels = Dimension;
        var positions = raw.Length / channels;
        if (Manifest.Layout == TensorLayout.Nchw)
        {
            for (var c = 0; c < channels; c++)
            {
                vector[c] = TensorPrimitives.Sum(raw.Slice(c * positions, positions)) / positions;
            }
        }
        else
        {
            raw[..channels].CopyTo(vector);
            for (var p = 1; p < positions; p++)
            {
                TensorPrimitives.Add(vector, raw.Slice(p * channels, channels), vector);
            }

            TensorPrimitives.Multiply(vector, 1f / positions, vector);
        }
    }

    private static string PickName(IEnumerable<string> names, string? wanted, string kind, string path)
    {
        var list = names.ToList();
        if (wanted is not null)
        {
            return list.Contains(wanted, StringComparer.Ordinal)
                ? wanted
                : throw new InvalidDataException($"Model '{Path.GetFileName(path)}' has no {kind} named '{wanted}' (it has {string.Join(", ", list)}).");
        }

        return list.Count >= 1
            ? list[0]
            : throw new InvalidDataException($"Model '{Path.GetFileName(path)}' has no {kind}.");
    }
}
