using DogBreeds.Functions.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace DogBreeds.Functions.Training;

/// <summary>Reads an orchestration's status for the HTTP status endpoints.</summary>
public static class OrchestrationStatusReader
{
    /// <summary>
    /// 200 with <see cref="OrchestrationStatus"/>, or 404 when there is no such instance of
    /// <paramref name="orchestration"/>. Custom status and output are read back as their types (whatever the
    /// task hub's data converter wrote), so the answer is always the app's camelCase JSON.
    /// </summary>
    public static async Task<IActionResult> AnswerAsync<TOutput>(DurableTaskClient client, string instanceId, string orchestration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (metadata is null || !string.Equals(metadata.Name, orchestration, StringComparison.Ordinal))
        {
            return HttpAnswers.NotFound($"There is no {orchestration} run with the id '{instanceId}'.");
        }

        return HttpAnswers.Ok(new OrchestrationStatus(
            metadata.InstanceId,
            metadata.Name,
            metadata.RuntimeStatus.ToString(),
            metadata.CreatedAt,
            metadata.LastUpdatedAt,
            metadata.SerializedCustomStatus is null ? null : metadata.ReadCustomStatusAs<TrainingProgress>(),
            metadata.SerializedOutput is null || metadata.RuntimeStatus != OrchestrationRuntimeStatus.Completed ? null : metadata.ReadOutputAs<TOutput>(),
            metadata.FailureDetails?.ErrorMessage));
    }
}
