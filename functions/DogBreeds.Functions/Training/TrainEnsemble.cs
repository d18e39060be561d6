using DogBreeds.Functions.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DogBreeds.Functions.Training;

/// <summary>
/// The training orchestration: build the data set -> fan out one member per activity -> fan in to assemble,
/// calibrate, evaluate and publish. Deterministic: time from the context, a replay-safe logger, no I/O and
/// no randomness here (member seeds come from the run seed and the member index inside the core).
/// </summary>
public static partial class TrainEnsemble
{
    /// <summary>Retries of every activity: transient storage failures heal; bad data and bad options do not.</summary>
    public static TaskOptions ActivityRetry { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 3,
        firstRetryInterval: TimeSpan.FromSeconds(5),
        backoffCoefficient: 2)
    {
        HandleFailure = failure => !failure.IsCausedBy<ArgumentException>() && !failure.IsCausedBy<InvalidDataException>(),
    });

    [Function(nameof(TrainEnsemble))]
    public static async Task<TrainingResult> RunOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var plan = context.GetInput<TrainingPlan>() ?? throw new ArgumentException("The training orchestration needs a TrainingPlan input.", nameof(context));
        var logger = context.CreateReplaySafeLogger(nameof(TrainEnsemble));
        string runId = context.InstanceId;

        context.SetCustomStatus(new TrainingProgress("building the training set", 0, plan.Estimators));
        var trainingSet = await context.CallActivityAsync<TrainingSetReference>(
            nameof(BuildTrainingSet), new BuildTrainingSetInput(runId, plan), ActivityRetry);
        LogTrainingSet(logger, runId, trainingSet.Photos, trainingSet.MissingFeatures);

        var members = new List<Task<MemberReference>>(plan.Estimators);
        for (int i = 0; i < plan.Estimators; i++)
        {
            members.Add(context.CallActivityAsync<MemberReference>(nameof(TrainMember), new TrainMemberInput(runId, trainingSet, plan, i), ActivityRetry));
        }

        var references = await OrchestrationFanIn.WhenAllAsync(context, members, "training members");
        int done = references.Length;

        context.SetCustomStatus(new TrainingProgress("evaluating and publishing", done, plan.Estimators));
        string version = ModelVersionName.Create(context.CurrentUtcDateTime, runId);
        var result = await context.CallActivityAsync<TrainingResult>(
            nameof(PublishModel),
            new PublishModelInput(runId, trainingSet, plan, references, version, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)),
            ActivityRetry);

        context.SetCustomStatus(new TrainingProgress("published", done, plan.Estimators));
        LogPublished(logger, runId, result.Version, result.Accuracy);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training {Run}: {Photos} photos, {Missing} labelled photos without features")]
    private static partial void LogTrainingSet(ILogger logger, string run, int photos, int missing);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training {Run} published {Version} (validation accuracy {Accuracy:P1})")]
    private static partial void LogPublished(ILogger logger, string run, string version, double accuracy);
}
