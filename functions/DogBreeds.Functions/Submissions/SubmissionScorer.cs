using System.Text;
using DogBreeds.Core.Backbones;
using DogBreeds.Core.Features;
using DogBreeds.Functions.Extraction;
using DogBreeds.Functions.Models;
using DogBreeds.Functions.Storage;

namespace DogBreeds.Functions.Submissions;

/// <summary>
/// The work of the bulk-scoring activities: list the <c>test/</c> photos, score a chunk (feature blobs are
/// reused; photos without one go through the CNN in batches and get one), and join the parts into
/// <c>submission.csv</c>.
/// </summary>
public sealed class SubmissionScorer(InboxStore inbox, FeatureStore features, ModelStore models, ModelCache modelCache, FeatureExtractor extractor)
{
    private const int Parallelism = 16;

    /// <summary>Writes the sorted list of test photos to a run blob.</summary>
    public async Task<TestPhotoList> ListAsync(string runId, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        await foreach (var photo in inbox.ListPhotosAsync(StorageLayout.TestPrefix, cancellationToken))
        {
            paths.Add(photo.Path);
        }

        paths.Sort(StringComparer.Ordinal);
        string blob = StorageLayout.RunFolder(runId) + "test-photos.txt";
        await models.WriteBlobAsync(blob, BinaryData.FromString(string.Join('\n', paths)), "text/plain", cancellationToken);
        return new TestPhotoList(blob, paths.Count);
    }

    /// <summary>Scores one chunk of the list into a partial CSV blob (rows only, no header).</summary>
    public async Task<ChunkReference> ScoreChunkAsync(ScoreChunkInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var model = (await modelCache.GetAsync(input.ModelVersion, cancellationToken)).Model;
        string[] paths = (await models.ReadTextAsync(input.ListBlob, cancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(input.Start)
            .Take(input.Count)
            .ToArray();

        var vectors = new float[]?[paths.Length];
        var photos = new byte[]?[paths.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, paths.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                byte[] bytes = await inbox.ReadAsync(paths[i], ct);
                vectors[i] = await features.TryReadAsync(extractor.Key, PhotoHash.Sha256Hex(bytes), ct);
                if (vectors[i] is null)
                {
                    photos[i] = bytes;
                }
            });

        var toExtract = Enumerable.Range(0, paths.Length).Where(i => photos[i] is not null).ToArray();
        var index = toExtract.ToDictionary(i => paths[i], StringComparer.Ordinal);
        var unreadable = new List<string>();
        await foreach (var extracted in extractor.ExtractAllAsync(
            toExtract.Select(i => PhotoInput.FromBytes(paths[i], photos[i]!)), cache: null, cancellationToken))
        {
            int i = index[extracted.Name];
            if (extracted.Features is null)
            {
                unreadable.Add(paths[i]);
                continue;
            }

            vectors[i] = extracted.Features;
            await features.TryCreateAsync(extractor.Key, extracted.Sha256, extracted.Features, paths[i], label: null, cancellationToken);
        }

        var text = new StringBuilder(paths.Length * model.Classes.Count * 12);
        for (int i = 0; i < paths.Length; i++)
        {
            string id = Path.GetFileNameWithoutExtension(paths[i]);
            float[] probabilities = vectors[i] is { } v ? model.PredictProbabilities(v) : [];
            SubmissionCsv.AppendRow(text, id, probabilities, model.Classes.Count);
        }

        await models.WriteBlobAsync(input.PartBlob, BinaryData.FromString(text.ToString()), "text/csv", cancellationToken);
        unreadable.Sort(StringComparer.Ordinal);
        return new ChunkReference(input.PartBlob, paths.Length, toExtract.Length, unreadable);
    }

    /// <summary>Joins the header and the parts into <c>models/&lt;version&gt;/submission.csv</c>.</summary>
    public async Task<SubmissionResult> WriteAsync(WriteSubmissionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var model = (await modelCache.GetAsync(input.ModelVersion, cancellationToken)).Model;
        string blob = StorageLayout.SubmissionBlob(input.ModelVersion);
        await using (var stream = await models.OpenWriteAsync(blob, "text/csv", cancellationToken))
        {
            byte[] header = Encoding.UTF8.GetBytes(SubmissionCsv.Header(model.Classes) + "\n");
            await stream.WriteAsync(header, cancellationToken);
            foreach (var part in input.Parts)
            {
                var content = await models.ReadBlobAsync(part.PartBlob, cancellationToken);
                await stream.WriteAsync(content.ToMemory(), cancellationToken);
            }
        }

        return new SubmissionResult(
            input.ModelVersion, blob, input.Parts.Sum(p => p.Rows), [.. input.Parts.SelectMany(p => p.Unreadable)]);
    }
}
