using System.Diagnostics;
using System.Globalization;
using DogBreeds.Core.Backbones;
using DogBreeds.Core.Features;
using DogBreeds.Core.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DogBreeds.Cli.Bench;

/// <summary>
/// Times feature extraction with a backbone (the built-in resnet18 by default) on real photos: end to
/// end (decode overlapping the CNN, cache off), CNN alone on pre-decoded photos, and decoding alone.
/// Prints the figures and returns them.
/// </summary>
public static class ExtractionBenchmark
{
    /// <summary>Runs the benchmark on the first <paramref name="count"/> photos under <paramref name="photosDirectory"/> (recursive, ordinal order).</summary>
    public static async Task<ExtractionBenchmarkResult> RunAsync(
        string photosDirectory,
        int count,
        TextWriter output,
        string backbone = BackboneManifest.BuiltInResNet18,
        ExecutionProvider provider = ExecutionProvider.Auto,
        int batchSize = FeatureExtractor.DefaultBatchSize,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!Directory.Exists(photosDirectory))
        {
            throw new DirectoryNotFoundException($"Photo folder '{photosDirectory}' does not exist.");
        }

        var photos = Directory.EnumerateFiles(photosDirectory, "*", SearchOption.AllDirectories)
            .Where(f => PhotoCatalog.ImageExtensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal)
            .Take(count)
            .ToList();
        if (photos.Count == 0)
        {
            throw new InvalidOperationException($"Photo folder '{photosDirectory}' holds no photos.");
        }

        var limits = new PhotoLimits();
        using var extractor = FeatureExtractor.Create([BackboneManifest.Resolve(backbone)], provider, limits, logger: null, batchSize);
        var bytes = photos.Select(File.ReadAllBytes).ToList();
        await output.WriteLineAsync(Invariant($"Extraction benchmark: {photos.Count} photos from {photosDirectory}, backbone {extractor.Key}, {extractor.Provider}, batch {batchSize}, {Environment.ProcessorCount} cores")).ConfigureAwait(false);

        // Warm-up: first runs allocate ONNX Runtime's arenas and JIT the pipeline.
        var warmUp = bytes.Take(Math.Min(batchSize, bytes.Count)).Select((b, i) => PhotoInput.FromBytes(photos[i], b));
        await foreach (var _ in extractor.ExtractAllAsync(warmUp, cache: null, ct).ConfigureAwait(false))
        {
        }

        // End to end: bytes already in memory (file reads are not what is measured), cache off.
        var failed = 0;
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var gen2 = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        await foreach (var result in extractor.ExtractAllAsync(photos.Select((p, i) => PhotoInput.FromBytes(p, bytes[i])), cache: null, ct).ConfigureAwait(false))
        {
            failed += result.Error is null ? 0 : 1;
        }

        var endToEnd = photos.Count / clock.Elapsed.TotalSeconds;
        await output.WriteLineAsync(Invariant($"  end to end (decode + preprocess + CNN, pipelined): {endToEnd,7:F1} images/s ({clock.Elapsed.TotalSeconds:F1} s, {CpuPerPhoto(process, ref cpu, photos.Count)}, {(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / photos.Count:F0} KB allocated/photo, {GC.CollectionCount(2) - gen2} gen2 GCs, {failed} failed)")).ConfigureAwait(false);

        // Decoding alone, one thread.
        var decoder = new PhotoDecoder(limits);
        var images = new List<Image<Rgb24>>(photos.Count);
        try
        {
            _ = CpuPerPhoto(process, ref cpu, 1);
            clock.Restart();
            for (var i = 0; i < photos.Count; i++)
            {
                try
                {
                    images.Add(decoder.Decode(bytes[i], photos[i]));
                }
                catch (InvalidPhotoException)
                {
                    // Counted in the end-to-end run.
                }
            }

            var decode = images.Count / clock.Elapsed.TotalSeconds;
            await output.WriteLineAsync(Invariant($"  decode only (one thread):                         {decode,7:F1} images/s ({CpuPerPhoto(process, ref cpu, images.Count)})")).ConfigureAwait(false);

            // CNN alone on pre-decoded photos, batched.
            clock.Restart();
            _ = extractor.ExtractImages(images);
            var cnn = images.Count / clock.Elapsed.TotalSeconds;
            await output.WriteLineAsync(Invariant($"  CNN only (pre-decoded photos, batched):           {cnn,7:F1} images/s ({CpuPerPhoto(process, ref cpu, images.Count)})")).ConfigureAwait(false);
            return new ExtractionBenchmarkResult(photos.Count, failed, endToEnd, cnn, decode, batchSize, extractor.Provider.ToString());
        }
        finally
        {
            foreach (var image in images)
            {
                image.Dispose();
            }
        }
    }

    /// <summary>CPU time the process used per photo since the last call: on a shared machine it is steadier than wall-clock rates.</summary>
    private static string CpuPerPhoto(Process process, ref TimeSpan last, int photos)
    {
        process.Refresh();
        var now = process.TotalProcessorTime;
        var perPhoto = (now - last).TotalMilliseconds / Math.Max(1, photos);
        last = now;
        return Invariant($"{perPhoto:F1} CPU ms/photo");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
