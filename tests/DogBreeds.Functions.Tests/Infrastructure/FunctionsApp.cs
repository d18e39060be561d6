using DogBreeds.Functions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DogBreeds.Functions.Tests.Infrastructure;

/// <summary>
/// The app's real composition (<see cref="DogBreedsServices.AddDogBreeds"/>) over test settings. Function
/// classes are constructed from it with their real dependencies; only what the Functions host provides
/// (FunctionContext, HttpRequestData) is a test double.
/// </summary>
public sealed class FunctionsApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private FunctionsApp(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    /// <summary>Settings every test app starts from (CPU provider, pointer looked at on every request).</summary>
    public static Dictionary<string, string?> DefaultSettings(string photoStorage) => new()
    {
        ["PhotoStorage"] = photoStorage,
        ["DogBreeds:Backbone"] = "resnet18",
        ["DogBreeds:ExecutionProvider"] = "Cpu",
        ["DogBreeds:ModelRefreshSeconds"] = "0",
        ["DogBreeds:SubmissionChunkSize"] = "16",
    };

    public static FunctionsApp Create(string photoStorage, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = DefaultSettings(photoStorage);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddDogBreeds(configuration);
        return new FunctionsApp(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    /// <summary>A function class built the way the worker builds it: constructor injection from the app's services.</summary>
    public T Function<T>() where T : class => ActivatorUtilities.CreateInstance<T>(_services);

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
