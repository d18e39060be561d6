using DogBreeds.Core.Backbones;
using DogBreeds.Core.Scoring;
using DogBreeds.Functions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DogBreeds.Functions.Models;

/// <summary>
/// The model that scoring uses (singleton per instance). The <c>current</c> pointer's ETag is looked at at
/// most every <see cref="DogBreedsOptions.ModelRefreshSeconds"/>; a changed ETag loads the version it names,
/// so a publish or a promotion reaches every instance within that delay without a restart.
/// </summary>
public sealed partial class CurrentModel(
    ModelStore store,
    ModelCache cache,
    FeatureExtractor extractor,
    IOptions<DogBreedsOptions> options,
    TimeProvider time,
    ILogger<CurrentModel> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ScoringModel? _model;
    private string? _etag;
    private DateTimeOffset _nextCheck = DateTimeOffset.MinValue;

    /// <summary>The current model, or null when no model is published yet.</summary>
    /// <exception cref="DogBreeds.Core.Models.ModelFormatException">The current model was trained on another backbone.</exception>
    public async Task<ScoringModel?> GetAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() < _nextCheck)
        {
            return _model;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (time.GetUtcNow() < _nextCheck)
            {
                return _model;
            }

            string? etag = await store.GetPointerETagAsync(cancellationToken);
            if (etag is null)
            {
                _model = null;
                _etag = null;
            }
            else if (etag != _etag)
            {
                var pointer = await store.GetPointerAsync(cancellationToken);
                if (pointer is null)
                {
                    _model = null;
                    _etag = null;
                }
                else
                {
                    var loaded = await cache.GetAsync(pointer.Version, cancellationToken);
                    _model = new ScoringModel(loaded.Version, new BreedClassifier(extractor, loaded.Model));
                    _etag = pointer.ETag;
                    LogLoaded(pointer.Version);
                }
            }

            _nextCheck = time.GetUtcNow().AddSeconds(options.Value.ModelRefreshSeconds);
            return _model;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Scoring now uses model {Version}")]
    private partial void LogLoaded(string version);
}
