using DogBreeds.Functions.Submissions;
using DogBreeds.Functions.Training;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;

namespace DogBreeds.Functions.Tests.Infrastructure;

/// <summary>
/// The Durable Task engine in-process, running the app's own orchestrator and activity code: each task is
/// registered under its function name with its input type, and each activity is a function class built
/// from the app's services, as the Functions host would do.
/// </summary>
internal static class DurableFunctionsHost
{
    public static Task<DurableTaskTestHost> StartAsync(FunctionsApp app) =>
        DurableTaskTestHost.StartAsync(tasks =>
        {
            tasks.AddOrchestratorFunc<TrainingPlan, TrainingResult>(nameof(TrainEnsemble), (context, _) => TrainEnsemble.RunOrchestrator(context));
            tasks.AddActivityFunc<BuildTrainingSetInput, TrainingSetReference>(
                nameof(BuildTrainingSet), (_, input) => app.Function<BuildTrainingSet>().Run(input, CancellationToken.None));
            tasks.AddActivityFunc<TrainMemberInput, MemberReference>(
                nameof(TrainMember), (_, input) => app.Function<TrainMember>().Run(input, CancellationToken.None));
            tasks.AddActivityFunc<PublishModelInput, TrainingResult>(
                nameof(PublishModel), (_, input) => app.Function<PublishModel>().Run(input, CancellationToken.None));

            tasks.AddOrchestratorFunc<SubmissionJob, SubmissionResult>(nameof(ScoreTestPhotos), (context, _) => ScoreTestPhotos.RunOrchestrator(context));
            tasks.AddActivityFunc<string, TestPhotoList>(
                nameof(ListTestPhotos), (_, runId) => app.Function<ListTestPhotos>().Run(runId, CancellationToken.None));
            tasks.AddActivityFunc<ScoreChunkInput, ChunkReference>(
                nameof(ScoreTestChunk), (_, input) => app.Function<ScoreTestChunk>().Run(input, CancellationToken.None));
            tasks.AddActivityFunc<WriteSubmissionInput, SubmissionResult>(
                nameof(WriteSubmission), (_, input) => app.Function<WriteSubmission>().Run(input, CancellationToken.None));
        });
}
