using Microsoft.DurableTask;

namespace DogBreeds.Functions.Training;

/// <summary>Fan-in for orchestrators: awaits fanned-out activities while the custom status counts them done.</summary>
internal static class OrchestrationFanIn
{
    /// <summary>
    /// Awaits every task of <paramref name="activities"/>, setting the custom status to <paramref name="stage"/>
    /// with how many are done after each one; returns their results in the order they were started.
    /// Replay-safe: only durable tasks are awaited.
    /// </summary>
    public static async Task<T[]> WhenAllAsync<T>(TaskOrchestrationContext context, IReadOnlyList<Task<T>> activities, string stage)
    {
        context.SetCustomStatus(new TrainingProgress(stage, 0, activities.Count));
        var pending = new List<Task<T>>(activities);
        var done = 0;
        while (pending.Count > 0)
        {
            var finished = await Task.WhenAny(pending);
            pending.Remove(finished);
            await finished;
            done++;
            context.SetCustomStatus(new TrainingProgress(stage, done, activities.Count));
        }

        var results = new T[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            results[i] = await activities[i];
        }

        return results;
    }
}
