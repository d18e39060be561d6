using System.Globalization;
using DogBreeds.Functions.Storage;
using DogBreeds.Functions.Training;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace DogBreeds.Functions.Submissions;

/// <summary>
/// The bulk-scoring orchestration: list <c>test/</c> -> fan out one activity per chunk of photos -> fan in to
/// write <c>models/&lt;version&gt;/submission.csv</c>. Deterministic like <see cref="TrainEnsemble"/>.
/// </summary>
public static class ScoreTestPhotos
{
    [Function(nameof(ScoreTestPhotos))]
    public static async Task<SubmissionResult> RunOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.GetInput<SubmissionJob>() ?? throw new ArgumentException("The bulk-scoring orchestration needs a SubmissionJob input.", nameof(context));
        string runId = context.InstanceId;

        context.SetCustomStatus(new TrainingProgress("listing test photos", 0, 0));
        var list = await context.CallActivityAsync<TestPhotoList>(nameof(ListTestPhotos), runId, TrainEnsemble.ActivityRetry);

        int chunks = (list.Count + job.ChunkSize - 1) / job.ChunkSize;
        var parts = new List<Task<ChunkReference>>(chunks);
        for (int c = 0; c < chunks; c++)
        {
            int start = c * job.ChunkSize;
            string partBlob = StorageLayout.RunFolder(runId) + string.Create(CultureInfo.InvariantCulture, $"part-{c:D5}.csv");
            parts.Add(context.CallActivityAsync<ChunkReference>(
                nameof(ScoreTestChunk),
                new ScoreChunkInput(job.ModelVersion, list.Blob, start, Math.Min(job.ChunkSize, list.Count - start), partBlob),
                TrainEnsemble.ActivityRetry));
        }

        var references = await OrchestrationFanIn.WhenAllAsync(context, parts, "scoring chunks");
        int done = references.Length;

        context.SetCustomStatus(new TrainingProgress("writing submission.csv", done, chunks));
        var result = await context.CallActivityAsync<SubmissionResult>(
            nameof(WriteSubmission), new WriteSubmissionInput(job.ModelVersion, references), TrainEnsemble.ActivityRetry);
        context.SetCustomStatus(new TrainingProgress("written", done, chunks));
        return result;
    }
}
