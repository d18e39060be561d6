using System.Collections.Concurrent;
using System.Text;
using DogBreeds.Core.Features;
using DogBreeds.Core.Training;
using DogBreeds.Functions.Extraction;
using DogBreeds.Functions.Models;
using DogBreeds.Functions.Storage;
using Microsoft.Extensions.Logging;

namespace DogBreeds.Functions.Training;

/// <summary>
/// Builds a training run's data set from the feature blobs: every photo under <c>images/train/</c> is labelled
/// by its folder or by <c>train/labels.csv</c> and matched to its feature blob (by the path recorded in the
/// blob's metadata, else by hashing the photo). Photos left out are counted and named: without features yet,
/// without a label, rejected, or repeating the bytes of an earlier path (the first path is kept).
/// </summary>
public sealed partial class TrainingSetBuilder(InboxStore inbox, FeatureStore features, ModelStore models, ILogger<TrainingSetBuilder> logger)
{
    private const int Parallelism = 16;

    /// <summary>Writes the data set, the preparation and the problem list of a run; returns their references.</summary>
    public async Task<TrainingSetReference> BuildAsync(BuildTrainingSetInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var options = input.Plan.ToOptions();
        string key = input.Plan.BackboneKey;

        string? labelsText = await inbox.TryReadTextAsync(StorageLayout.LabelsBlob, cancellationToken);
        var labelProblems = new List<CatalogProblem>();
        var kaggleLabels = labelsText is null ? [] : KaggleLabels.Parse(labelsText, $"{StorageLayout.ImagesContainer}/{StorageLayout.LabelsBlob}", knownBreeds: null, labelProblems);
        foreach (var problem in labelProblems)
        {
            LogLabelProblem(input.RunId, problem.Message);
        }

        var byPath = new Dictionary<string, StoredFeatures>(StringComparer.Ordinal);
        await foreach (var stored in features.ListAsync(key, cancellationToken))
        {
            if (stored.Path is not null)
            {
                byPath.TryAdd(stored.Path, stored);
            }
        }

        var rejectedPaths = await features.ListRejectedPathsAsync(StorageLayout.TrainPrefix, cancellationToken);
        var photos = new List<InboxPhoto>();
        await foreach (var photo in inbox.ListPhotosAsync(StorageLayout.TrainPrefix, cancellationToken))
        {
            photos.Add(photo);
        }

        photos.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));

        var unlabelled = new List<string>();
        var rejected = new List<string>();
        var labelled = new List<(InboxPhoto Photo, string Breed)>();
        foreach (var photo in photos)
        {
            string? breed = photo.Breed ?? kaggleLabels.GetValueOrDefault(photo.Id);
            if (breed is null)
            {
                unlabelled.Add(photo.Path);
            }
            else if (rejectedPaths.Contains(photo.Path))
            {
                rejected.Add(photo.Path);
            }
            else
            {
                labelled.Add((photo, breed));
            }
        }

        // Photos whose path is not on a feature blob: a repeat of other bytes, or not extracted yet. Hash to tell.
        var hashes = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var unmatched = labelled.Where(p => !byPath.ContainsKey(p.Photo.Path)).Select(p => p.Photo.Path).ToList();
        await Parallel.ForEachAsync(
            unmatched,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (path, ct) =>
            {
                string sha256 = PhotoHash.Sha256Hex(await inbox.ReadAsync(path, ct));
                if (await features.FindAsync(key, sha256, ct) is not null)
                {
                    hashes[path] = sha256;
                }
            });

        var missing = new List<string>();
        var duplicates = new List<string>();
        var chosen = new List<(string Path, string Breed, string Sha256)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (photo, breed) in labelled)
        {
            string? sha256 = byPath.TryGetValue(photo.Path, out var stored) ? stored.Sha256 : hashes.GetValueOrDefault(photo.Path);
            if (sha256 is null)
            {
                missing.Add(photo.Path);
            }
            else if (!seen.Add(sha256))
            {
                duplicates.Add(photo.Path);
            }
            else
            {
                chosen.Add((photo.Path, breed, sha256));
            }
        }

        if (chosen.Count == 0)
        {
            throw new InvalidDataException(
                $"No labelled photo under {StorageLayout.ImagesContainer}/{StorageLayout.TrainPrefix} has features for '{key}' " +
                $"({photos.Count} photos, {missing.Count} without features, {unlabelled.Count} without a label).");
        }

        var vectors = new float[chosen.Count][];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, chosen.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => vectors[i] = await features.ReadAsync(StorageLayout.FeatureBlob(key, chosen[i].Sha256), ct));

        var data = LabelledFeatures.Create(chosen.Select((c, i) => (c.Path, c.Breed, vectors[i])).ToArray());
        var preparation = BaggedSgdTrainer.Prepare(data, options);

        string folder = StorageLayout.RunFolder(input.RunId);
        string dataBlob = folder + "training-set.bin";
        string preparationBlob = folder + "preparation.json";
        string problemsBlob = folder + "left-out.txt";
        await models.WriteBlobAsync(dataBlob, BinaryData.FromBytes(TrainingSetCodec.Encode(data)), "application/octet-stream", cancellationToken);
        await models.WriteBlobAsync(preparationBlob, BinaryData.FromBytes(preparation.ToJsonBytes()), "application/json", cancellationToken);
        await models.WriteBlobAsync(problemsBlob, BinaryData.FromString(Problems(missing, unlabelled, rejected, duplicates)), "text/plain", cancellationToken);

        LogBuilt(input.RunId, data.Rows, data.Classes.Count, missing.Count, unlabelled.Count, rejected.Count, duplicates.Count);
        return new TrainingSetReference(
            dataBlob,
            preparationBlob,
            problemsBlob,
            data.Rows,
            data.Classes,
            preparation.TrainRows.Length,
            preparation.ValidationRows.Length,
            missing.Count,
            [.. missing.Take(TrainingSetReference.MaxNamed)],
            unlabelled.Count,
            [.. unlabelled.Take(TrainingSetReference.MaxNamed)],
            rejected.Count,
            duplicates.Count);
    }

    private static string Problems(List<string> missing, List<string> unlabelled, List<string> rejected, List<string> duplicates)
    {
        var text = new StringBuilder();
        foreach (string path in missing)
        {
            text.Append("no features yet\t").AppendLine(path);
        }

        foreach (string path in unlabelled)
        {
            text.Append("no label\t").AppendLine(path);
        }

        foreach (string path in rejected)
        {
            text.Append("rejected\t").AppendLine(path);
        }

        foreach (string path in duplicates)
        {
            text.Append("same bytes as an earlier path\t").AppendLine(path);
        }

        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {Run}: {Problem}")]
    private partial void LogLabelProblem(string run, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Run}: training set of {Rows} photos, {Classes} breeds; left out {Missing} without features, {Unlabelled} unlabelled, {Rejected} rejected, {Duplicates} duplicates")]
    private partial void LogBuilt(string run, int rows, int classes, int missing, int unlabelled, int rejected, int duplicates);
}
