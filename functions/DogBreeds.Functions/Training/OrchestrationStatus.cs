namespace DogBreeds.Functions.Training;

/// <summary>Answer of <c>GET /api/train/{id}</c> and <c>GET /api/submissions/{id}</c>.</summary>
/// <param name="Id">Instance id.</param>
/// <param name="Name">Orchestration name.</param>
/// <param name="RuntimeStatus">Pending, Running, Completed, Failed, Terminated...</param>
/// <param name="CreatedAt">When it was scheduled.</param>
/// <param name="LastUpdatedAt">Last state change.</param>
/// <param name="CustomStatus">The stage and parts done out of total.</param>
/// <param name="Output">The result (<see cref="TrainingResult"/> or <c>SubmissionResult</c>) once completed.</param>
/// <param name="Error">The failure sentence when it failed.</param>
public sealed record OrchestrationStatus(
    string Id,
    string Name,
    string RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    TrainingProgress? CustomStatus,
    object? Output,
    string? Error);
