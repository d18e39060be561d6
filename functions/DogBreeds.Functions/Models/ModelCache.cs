using System.Collections.Concurrent;
using DogBreeds.Core.Models;

namespace DogBreeds.Functions.Models;

/// <summary>
/// Model versions loaded by this instance (singleton): each version is downloaded once, and only the two most
/// recently asked for are kept (the current one and the one a bulk-scoring run may still be using).
/// </summary>
public sealed class ModelCache(ModelStore store)
{
    private const int Capacity = 2;
    private readonly ConcurrentDictionary<string, Lazy<Task<BreedModel>>> _models = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>The model of <paramref name="version"/>, loading it on first use.</summary>
    public async Task<LoadedModel> GetAsync(string version, CancellationToken cancellationToken)
    {
        var lazy = _models.GetOrAdd(version, v =>
        {
            _order.Enqueue(v);
            return new Lazy<Task<BreedModel>>(() => store.LoadAsync(v, CancellationToken.None));
        });

        try
        {
            var model = await lazy.Value.WaitAsync(cancellationToken);
            Trim(version);
            return new LoadedModel(version, model);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            _models.TryRemove(new KeyValuePair<string, Lazy<Task<BreedModel>>>(version, lazy));
            throw;
        }
    }

    private void Trim(string keep)
    {
        while (_models.Count > Capacity && _order.TryDequeue(out string? oldest))
        {
            if (oldest != keep)
            {
                _models.TryRemove(oldest, out _);
            }
            else
            {
                _order.Enqueue(oldest);
            }
        }
    }
}
