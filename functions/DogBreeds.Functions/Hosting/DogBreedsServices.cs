using Azure.Core.Serialization;
using DogBreeds.Core.Backbones;
using DogBreeds.Core.Images;
using DogBreeds.Functions.Extraction;
using DogBreeds.Functions.Http;
using DogBreeds.Functions.Models;
using DogBreeds.Functions.Storage;
using DogBreeds.Functions.Submissions;
using DogBreeds.Functions.Training;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DogBreeds.Functions.Hosting;

/// <summary>The app's services: one composition used by <c>Program.cs</c> and by the tests.</summary>
public static class DogBreedsServices
{
    /// <summary>
    /// Registers options (validated at start-up), the <c>PhotoStorage</c> blob client, the stores, the
    /// feature extractor (one ONNX session per model per instance) and the current-model holder.
    /// </summary>
    /// <exception cref="InvalidOperationException">The <c>PhotoStorage</c> connection is missing or malformed.</exception>
    public static IServiceCollection AddDogBreeds(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DogBreedsOptions>()
            .Bind(configuration.GetSection(DogBreedsOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(
                o => o.Backbone.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).All(CanResolve),
                "The setting DogBreeds:Backbone names a backbone that cannot be found (built in: resnet18; or a manifest path).")
            .ValidateOnStart();

        // camelCase JSON everywhere: HttpRequestData answers (the durable status URLs), orchestration inputs
        // and outputs, as the ASP.NET Core answers already are (the worker's default is PascalCase).
        services.Configure<WorkerOptions>(worker => worker.Serializer = new JsonObjectSerializer(HttpRequestDataJson.Options));

        // Built now, so a missing or malformed connection stops the app at start-up with a sentence naming it.
        var blobService = PhotoStorageConnection.CreateClient(configuration);
        services.AddSingleton(blobService);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<FeatureStore>();
        services.AddSingleton<InboxStore>();
        services.AddSingleton<ModelStore>();
        services.AddSingleton<ModelCache>();
        services.AddSingleton<CurrentModel>();
        services.AddSingleton<TrainingRunData>();
        services.AddSingleton<TrainingSetBuilder>();
        services.AddSingleton<SubmissionScorer>();
        services.AddSingleton<PhotoFeatureWriter>();
        services.AddSingleton(CreateExtractor);
        return services;
    }

    private static FeatureExtractor CreateExtractor(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DogBreedsOptions>>().Value;
        var backbones = options.Backbone
            .Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(BackboneManifest.Resolve)
            .ToArray();
        var limits = new PhotoLimits { MaxBytes = options.MaxUploadBytes };
        return FeatureExtractor.Create(backbones, options.ExecutionProvider, limits, services.GetRequiredService<ILoggerFactory>().CreateLogger<FeatureExtractor>());
    }

    private static bool CanResolve(string nameOrPath)
    {
        try
        {
            BackboneManifest.Resolve(nameOrPath);
            return true;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or ArgumentException or InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            return false;
        }
    }
}
