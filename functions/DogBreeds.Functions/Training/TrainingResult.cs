namespace DogBreeds.Functions.Training;

/// <summary>Output of the training orchestration (the <c>output</c> of <c>GET /api/train/{id}</c>).</summary>
/// <param name="Version">The published model version (now current).</param>
/// <param name="Accuracy">Validation top-1 accuracy.</param>
/// <param name="LogLoss">Validation log loss.</param>
/// <param name="Top3">Validation top-3 accuracy.</param>
/// <param name="Top5">Validation top-5 accuracy.</param>
/// <param name="ValidationPhotos">Photos in the validation split.</param>
/// <param name="NotDogThreshold">The fitted not-dog threshold on max probability.</param>
/// <param name="TrainingSet">What the data set held and what was left out.</param>
public sealed record TrainingResult(
    string Version,
    double Accuracy,
    double LogLoss,
    double Top3,
    double Top5,
    int ValidationPhotos,
    double NotDogThreshold,
    TrainingSetReference TrainingSet);
