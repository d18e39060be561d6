using System.Text.Json;
using DogBreeds.Core.Images;
using DogBreeds.Core.Models;

namespace DogBreeds.Cli.Commands;

/// <summary>Turns the errors a user can cause into one sentence on standard error and exit code 1.</summary>
internal static class CliRun
{
    public const int Failed = 1;

    public static async Task<int> Guard(Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException or UnauthorizedAccessException
            or ModelFormatException or InvalidPhotoException or JsonException or InvalidOperationException)
        {
            await System.Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return Failed;
        }
        catch (OperationCanceledException)
        {
            await System.Console.Error.WriteLineAsync("cancelled.").ConfigureAwait(false);
            return Failed;
        }
    }
}
