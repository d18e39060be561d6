using System.ComponentModel.DataAnnotations;
using DogBreeds.Core.Backbones;

namespace DogBreeds.Functions.Hosting;

/// <summary>
/// The app's own settings, section <c>DogBreeds</c> (environment: <c>DogBreeds__Name</c>).
/// Bound and validated once at start-up: a bad value stops the app with a sentence naming the setting.
/// </summary>
public sealed class DogBreedsOptions
{
    /// <summary>Configuration section holding these settings.</summary>
    public const string SectionName = "DogBreeds";

    /// <summary>Built-in backbone used when none is configured.</summary>
    public const string DefaultBackbone = "resnet18";

    /// <summary>10 MiB: larger uploads and inbox photos are refused.</summary>
    public const long DefaultMaxUploadBytes = 10 * 1024 * 1024;

    /// <summary>Breeds answered by <c>POST /api/score</c> when <c>?top</c> is absent.</summary>
    public const int DefaultScoringTop = 5;

    /// <summary>How often (seconds) an instance looks at the <c>current</c> model pointer's ETag.</summary>
    public const int DefaultModelRefreshSeconds = 30;

    /// <summary>Photos scored by one bulk-scoring activity.</summary>
    public const int DefaultSubmissionChunkSize = 250;

    /// <summary>Backbone name (built in: <c>resnet18</c>) or manifest path; several joined with '+'.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "The setting DogBreeds:Backbone is empty: name a backbone such as resnet18.")]
    public string Backbone { get; set; } = DefaultBackbone;

    /// <summary>ONNX Runtime execution provider: Auto (CUDA when present, else CPU), Cpu or Cuda.</summary>
    public ExecutionProvider ExecutionProvider { get; set; } = ExecutionProvider.Auto;

    /// <summary>Largest photo accepted, in bytes, for uploads to <c>/api/score</c> and photos in the inbox.</summary>
    [Range(typeof(long), "1024", "104857600", ErrorMessage = "The setting DogBreeds:MaxUploadBytes must be between 1024 and 104857600 bytes.")]
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>Default number of breeds in a scoring answer.</summary>
    [Range(1, 120, ErrorMessage = "The setting DogBreeds:ScoringTop must be between 1 and 120.")]
    public int ScoringTop { get; set; } = DefaultScoringTop;

    /// <summary>Seconds between two looks at the model pointer (0 = every request).</summary>
    [Range(0, 3600, ErrorMessage = "The setting DogBreeds:ModelRefreshSeconds must be between 0 and 3600.")]
    public int ModelRefreshSeconds { get; set; } = DefaultModelRefreshSeconds;

    /// <summary>Photos per bulk-scoring activity.</summary>
    [Range(1, 5000, ErrorMessage = "The setting DogBreeds:SubmissionChunkSize must be between 1 and 5000.")]
    public int SubmissionChunkSize { get; set; } = DefaultSubmissionChunkSize;
}
