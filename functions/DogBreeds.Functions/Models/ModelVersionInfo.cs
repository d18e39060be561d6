namespace DogBreeds.Functions.Models;

/// <summary>
/// What <c>models/&lt;version&gt;/metrics.json</c> holds and <c>GET /api/models</c> answers: a published version
/// with its validation metrics.
/// </summary>
/// <param name="Version">Version name (<c>v&lt;yyyyMMdd-HHmmss&gt;-&lt;run&gt;</c>).</param>
/// <param name="CreatedAt">When the training orchestration published it (orchestration time, UTC).</param>
/// <param name="BackboneKey">Feature key the model expects (backbone ids joined with '+').</param>
/// <param name="Classes">Breeds in the model's sorted class order (the Kaggle column order).</param>
/// <param name="TrainingPhotos">Photos the members trained on.</param>
/// <param name="ValidationPhotos">Photos held out for calibration and these metrics.</param>
/// <param name="Accuracy">Top-1 accuracy on the validation split.</param>
/// <param name="LogLoss">Multi-class log loss on the validation split.</param>
/// <param name="Top3">Top-3 accuracy on the validation split.</param>
/// <param name="Top5">Top-5 accuracy on the validation split.</param>
/// <param name="NotDogThreshold">Max-probability threshold below which a photo is judged not a dog.</param>
/// <param name="Estimators">Ensemble members.</param>
/// <param name="TrainingRun">Instance id of the training orchestration.</param>
/// <param name="IsCurrent">True when the <c>current</c> pointer names this version (filled on read).</param>
public sealed record ModelVersionInfo(
    string Version,
    DateTimeOffset CreatedAt,
    string BackboneKey,
    IReadOnlyList<string> Classes,
    int TrainingPhotos,
    int ValidationPhotos,
    double Accuracy,
    double LogLoss,
    double Top3,
    double Top5,
    double NotDogThreshold,
    int Estimators,
    string TrainingRun,
    bool IsCurrent = false);
