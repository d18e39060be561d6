using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using DogBreeds.Core.Features;
using DogBreeds.Core.Images;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DogBreeds.Core.Backbones;

/// <summary>
/// Turns photos into feature vectors with one or more backbones (vectors concatenated in the order
/// given). Thread-safe; the ONNX sessions behind it are shared per process.
/// </summary>
public sealed partial class FeatureExtractor : IDisposable
{
    /// <summary>
    /// Default number of photos per CNN batch. Eight, not 16: with two batches in flight, ResNet18's
    /// activations at 16 took `train` over 2,000 photos to a 1,061 MiB peak; at 8 it peaks at 900 MiB and
    /// extracts as fast (51 vs 40 images/s end to end in one quiet A/B on the 2-core machine).
    /// </summary>
    public const int DefaultBatchSize = 8;

    /// <summary>Largest batch size accepted.</summary>
    public const int MaxBatchSize = 256;

    private readonly BackboneRunner[] _runners;
    private readonly int[] _featureOffsets;
    private readonly int[] _tensorOffsets;
    private readonly int _photoLength;
    private readonly PhotoDecoder _decoder;
    private readonly ILogger _logger;

    // Per-photo tensors (600 KB for ResNet18) live on the large object heap: they are kept for reuse
    // rather than rented from ArrayPool.Shared, whose per-core stores are too small for the dozens
    // a pipeline holds at once (the overflow would be reallocated and zeroed for every photo).
    private readonly ConcurrentBag<float[]> _tensors = [];
    private long _cnnPhotos;
    private bool _disposed;

    private FeatureExtractor(BackboneRunner[] runners, PhotoDecoder decoder, ILogger logger, int batchSize)
    {
        _runners = runners;
        _decoder = decoder;
        _logger = logger;
        BatchSize = batchSize;
        Backbones = [.. runners.Select(r => r.Manifest)];
        _featureOffsets = new int[runners.Length];
        _tensorOffsets = new int[runners.Length];
        for (var i = 1; i < runners.Length; i++)
        {
            _featureOffsets[i] = _featureOffsets[i - 1] + runners[i - 1].Dimension;
            _tensorOffsets[i] = _tensorOffsets[i - 1] + runners[i - 1].PhotoLength;
        }

        Dimension = _featureOffsets[^1] + runners[^1].Dimension;
        _photoLength = _tensorOffsets[^1] + runners[^1].PhotoLength;
        Key = KeyOf([.. runners.Select(r => r.Manifest)]);
    }

    /// <summary>The <see cref="Key"/> of an extractor over <paramref name="backbones"/>, without loading them.</summary>
    public static string KeyOf(IReadOnlyList<BackboneManifest> backbones)
    {
        ArgumentNullException.ThrowIfNull(backbones);
        return string.Join('+', backbones.Select(b => b.TestTimeFlip ? b.Id + "+flip" : b.Id));
    }

    /// <summary>Cache key part: backbone ids joined with '+', each followed by "+flip" when its test-time flip is on.</summary>
    public string Key { get; }

    /// <summary>Length of the vectors produced (sum over the backbones).</summary>
    public int Dimension { get; }

    /// <summary>The backbones, in the order their vectors are concatenated.</summary>
    public IReadOnlyList<BackboneManifest> Backbones { get; }

    /// <summary>Photos per CNN batch in <see cref="ExtractAllAsync"/> and <see cref="ExtractImages"/>.</summary>
    public int BatchSize { get; }

    /// <summary>The execution provider the last model of the first backbone runs on (Cpu or Cuda).</summary>
    public ExecutionProvider Provider => _runners[0].Provider;

    /// <summary>Number of photos that went through the CNN (cache hits and failures not counted).</summary>
    public long CnnPhotos => Interlocked.Read(ref _cnnPhotos);

    /// <summary>
    /// Loads the backbones (sessions are created once per process and shared) and checks each one with
    /// a blank photo, so a wrong manifest fails here with a sentence.
    /// </summary>
    public static FeatureExtractor Create(IReadOnlyList<BackboneManifest> backbones, ExecutionProvider provider, PhotoLimits limits, ILogger? logger = null, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(backbones);
        ArgumentNullException.ThrowIfNull(limits);
        if (backbones.Count == 0)
        {
            throw new ArgumentException("At least one backbone is needed to extract features.", nameof(backbones));
        }

        if (batchSize is < 1 or > MaxBatchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"The batch size must be between 1 and {MaxBatchSize}.");
        }

        var decoder = new PhotoDecoder(limits);
        logger ??= NullLogger.Instance;
        var runners = new BackboneRunner[backbones.Count];
        for (var i = 0; i < backbones.Count; i++)
        {
            backbones[i].Validate();
            runners[i] = new BackboneRunner(backbones[i], provider, logger);
        }

        return new FeatureExtractor(runners, decoder, logger, batchSize);
    }

    /// <summary>Decodes one photo and returns its features.</summary>
    /// <exception cref="InvalidPhotoException">The photo cannot be used.</exception>
    public float[] Extract(ReadOnlySpan<byte> photo, string photoName)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var image = _decoder.Decode(photo, photoName);
        return ExtractImages([image])[0];
    }

    /// <summary>
    /// Features of photos already decoded (upright RGB), run in batches of <see cref="BatchSize"/>.
    /// Used by the extraction benchmark to time the CNN without decoding.
    /// </summary>
    public float[][] ExtractImages(IReadOnlyList<Image<Rgb24>> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var results = new float[images.Count][];
        var chunks = (images.Count + BatchSize - 1) / BatchSize;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = BackboneRunner.InferenceWorkers }, chunk =>
        {
            var start = chunk * BatchSize;
            var count = Math.Min(BatchSize, images.Count - start);
            var targets = new float[count][];
            for (var i = 0; i < count; i++)
            {
                targets[i] = new float[Dimension];
            }

            for (var b = 0; b < _runners.Length; b++)
            {
                var runner = _runners[b];
                var input = ArrayPool<float>.Shared.Rent(count * runner.PhotoLength);
                try
                {
                    for (var i = 0; i < count; i++)
                    {
                        runner.Fill(images[start + i], input.AsSpan(i * runner.PhotoLength, runner.PhotoLength));
                    }

                    runner.Run(input, count, targets, _featureOffsets[b]);
                }
                finally
                {
                    ArrayPool<float>.Shared.Return(input);
                }
            }

            Interlocked.Add(ref _cnnPhotos, count);
            targets.CopyTo(results, start);
        });

        return results;
    }

    /// <summary>
    /// Extracts every photo, in input order. A decode stage (reading, hashing, cache look-up, decoding
    /// and tensor filling on its own thread) runs ahead of a batch-inference stage, so decoding
    /// overlaps the CNN. A photo is looked up in <paramref name="cache"/> by (<see cref="Key"/>,
    /// SHA-256 of its bytes) and never goes through the CNN twice in a run, whatever its name. A bad
    /// photo yields an <see cref="ExtractedPhoto"/> with an error and the run goes on.
    /// </summary>
    public async IAsyncEnumerable<ExtractedPhoto> ExtractAllAsync(IEnumerable<PhotoInput> photos, IFeatureCache? cache, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(photos);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var pending = Channel.CreateBounded<PendingPhoto>(new BoundedChannelOptions(2 * BatchSize) { SingleReader = true, SingleWriter = true });
        var results = Channel.CreateBounded<ExtractedPhoto>(new BoundedChannelOptions(2 * BatchSize) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var decodeStage = Task.Run(() => DecodeStageAsync(photos, cache, pending.Writer, stop.Token), stop.Token);
        var inferenceStage = Task.Run(() => InferenceStageAsync(pending.Reader, cache, results.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var result in results.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                yield return result;
            }

            await Task.WhenAll(decodeStage, inferenceStage).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(decodeStage, inferenceStage).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped early by the consumer or the token: nothing to report.
            }

            while (pending.Reader.TryRead(out var left))
            {
                ReturnTensor(left.TakeTensor());
            }
        }
    }

    /// <summary>Marks the extractor unusable. The shared ONNX sessions stay loaded for the rest of the process.</summary>
    public void Dispose() => _disposed = true;

    private async Task DecodeStageAsync(IEnumerable<PhotoInput> photos, IFeatureCache? cache, ChannelWriter<PendingPhoto> writer, CancellationToken ct)
    {
        try
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var photo in photos)
            {
                ct.ThrowIfCancellationRequested();
                var item = await PrepareAsync(photo, cache, seen, ct).ConfigureAwait(false);
                try
                {
                    await writer.WriteAsync(item, ct).ConfigureAwait(false);
                }
                catch
                {
                    ReturnTensor(item.TakeTensor());
                    throw;
                }
            }

            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
            throw;
        }
    }

    private async Task<PendingPhoto> PrepareAsync(PhotoInput photo, IFeatureCache? cache, HashSet<string> seen, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = await photo.ReadAsync(ct).ConfigureAwait(false);
        }
        catch (InvalidPhotoException e)
        {
            return PendingPhoto.Done(new ExtractedPhoto(photo.Name, string.Empty, null, e.Message, false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return PendingPhoto.Done(new ExtractedPhoto(photo.Name, string.Empty, null, $"Photo '{photo.Name}' could not be read ({e.Message.TrimEnd('.')}).", false));
        }

        var sha = PhotoHash.Sha256Hex(bytes);
        if (cache is not null && cache.TryGet(Key, sha, out var cached) && cached.Length == Dimension)
        {
            return PendingPhoto.Done(new ExtractedPhoto(photo.Name, sha, cached, null, true));
        }

        if (!seen.Add(sha))
        {
            return new PendingPhoto(photo.Name, sha, null, null, duplicate: true);
        }

        var tensor = RentTensor();
        try
        {
            using var image = _decoder.Decode(bytes, photo.Name);
            for (var b = 0; b < _runners.Length; b++)
            {
                _runners[b].Fill(image, tensor.AsSpan(_tensorOffsets[b], _runners[b].PhotoLength));
            }

            return new PendingPhoto(photo.Name, sha, tensor, null, duplicate: false);
        }
        catch (InvalidPhotoException e)
        {
            ReturnTensor(tensor);
            return new PendingPhoto(photo.Name, sha, null, new ExtractedPhoto(photo.Name, sha, null, e.Message, false), duplicate: false);
        }
    }

    private async Task InferenceStageAsync(ChannelReader<PendingPhoto> reader, IFeatureCache? cache, ChannelWriter<ExtractedPhoto> writer, CancellationToken ct)
    {
        // Up to InferenceWorkers windows are in the CNN at once; they are emitted in input order.
        var runResults = new Dictionary<string, ExtractedPhoto>(StringComparer.Ordinal);
        var freeInputs = new Stack<float[][]>();
        for (var i = 0; i < BackboneRunner.InferenceWorkers; i++)
        {
            freeInputs.Push([.. _runners.Select(r => new float[BatchSize * r.PhotoLength])]);
        }

        var inFlight = new Queue<(List<PendingPhoto> Window, Task Cnn, float[][] Inputs)>();
        try
        {
            while (await reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                // Take what is ready, up to a full batch of CNN work; the decode stage runs ahead while the CNN works.
                var window = new List<PendingPhoto>(2 * BatchSize);
                var cnnWork = 0;
                while (cnnWork < BatchSize && reader.TryRead(out var item))
                {
                    window.Add(item);
                    if (item.Tensor is not null)
                    {
                        cnnWork++;
                    }
                }

                if (freeInputs.Count == 0)
                {
                    await EmitOldestAsync(inFlight, freeInputs, runResults, writer, ct).ConfigureAwait(false);
                }

                var inputs = freeInputs.Pop();
                var cnn = cnnWork == 0 ? Task.CompletedTask : Task.Run(() => RunCnn(window, inputs, cache), ct);
                inFlight.Enqueue((window, cnn, inputs));
            }

            while (inFlight.Count > 0)
            {
                await EmitOldestAsync(inFlight, freeInputs, runResults, writer, ct).ConfigureAwait(false);
            }

            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
            foreach (var (window, cnn, _) in inFlight)
            {
                await cnn.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
                window.ForEach(item => ReturnTensor(item.TakeTensor()));
            }

            throw;
        }
    }

    private async Task EmitOldestAsync(
        Queue<(List<PendingPhoto> Window, Task Cnn, float[][] Inputs)> inFlight,
        Stack<float[][]> freeInputs,
        Dictionary<string, ExtractedPhoto> runResults,
        ChannelWriter<ExtractedPhoto> writer,
        CancellationToken ct)
    {
        var (window, cnn, inputs) = inFlight.Peek();
        try
        {
            await cnn.ConfigureAwait(false);
        }
        finally
        {
            window.ForEach(item => ReturnTensor(item.TakeTensor()));
        }

        inFlight.Dequeue();
        freeInputs.Push(inputs);
        ResolveDuplicates(window, runResults);
        foreach (var item in window)
        {
            await writer.WriteAsync(item.Result!, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the photos of a window that need the CNN and stores their results (and caches them).</summary>
    private void RunCnn(List<PendingPhoto> window, float[][] batchInputs, IFeatureCache? cache)
    {
        var work = window.Where(p => p.Tensor is not null).ToList();
        var targets = work.Select(_ => new float[Dimension]).ToArray();
        for (var b = 0; b < _runners.Length; b++)
        {
            var runner = _runners[b];
            var input = batchInputs[b];
            for (var i = 0; i < work.Count; i++)
            {
                work[i].Tensor.AsSpan(_tensorOffsets[b], runner.PhotoLength).CopyTo(input.AsSpan(i * runner.PhotoLength));
            }

            runner.Run(input, work.Count, targets, _featureOffsets[b]);
        }

        Interlocked.Add(ref _cnnPhotos, work.Count);
        for (var i = 0; i < work.Count; i++)
        {
            work[i].Result = new ExtractedPhoto(work[i].Name, work[i].Sha256, targets[i], null, false);
            if (cache is not null)
            {
                try
                {
                    cache.Put(Key, work[i].Sha256, targets[i]);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    LogCacheWriteFailed(_logger, work[i].Name, e.Message);
                }
            }
        }
    }

    /// <summary>In input order: a photo whose bytes came earlier in the run takes the earlier result.</summary>
    private static void ResolveDuplicates(List<PendingPhoto> window, Dictionary<string, ExtractedPhoto> runResults)
    {
        foreach (var item in window)
        {
            if (item.Duplicate)
            {
                item.Result = runResults.TryGetValue(item.Sha256, out var first)
                    ? first with { Name = item.Name, FromCache = first.Features is not null, Error = first.Error?.Replace($"'{first.Name}'", $"'{item.Name}'", StringComparison.Ordinal) }
                    : new ExtractedPhoto(item.Name, item.Sha256, null, $"Photo '{item.Name}' repeats an earlier photo whose result was lost.", false);
            }
            else if (item.Sha256.Length > 0)
            {
                runResults.TryAdd(item.Sha256, item.Result!);
            }
        }
    }

    private float[] RentTensor() => _tensors.TryTake(out var tensor) ? tensor : new float[_photoLength];

    private void ReturnTensor(float[]? tensor)
    {
        // Enough for a pipeline's channel and batch windows; more would only hold memory.
        if (tensor is not null && _tensors.Count < 6 * BatchSize)
        {
            _tensors.Add(tensor);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the cached features of {Photo} ({Reason}); extraction goes on")]
    private static partial void LogCacheWriteFailed(ILogger logger, string photo, string reason);

    private sealed class PendingPhoto(string name, string sha256, float[]? tensor, ExtractedPhoto? result, bool duplicate)
    {
        public string Name { get; } = name;

        public string Sha256 { get; } = sha256;

        public float[]? Tensor { get; private set; } = tensor;

        public ExtractedPhoto? Result { get; set; } = result;

        public bool Duplicate { get; } = duplicate;

        public static PendingPhoto Done(ExtractedPhoto result) => new(result.Name, result.Sha256, null, result, duplicate: false);

        public float[]? TakeTensor()
        {
            var tensor = Tensor;
            Tensor = null;
            return tensor;
        }
    }
}
