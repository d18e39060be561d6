namespace DogBreeds.Core.Training;

/// <summary>How each ensemble member turns its scores into breed probabilities.</summary>
public enum SgdLoss
{
    /// <summary>
    /// One binary logistic regression per breed (breed vs the rest), probabilities normalised to sum to 1:
    /// what scikit-learn's SGDClassifier does with log loss. Separates not-dog photos better.
    /// </summary>
    OneVsRest,

    /// <summary>A single softmax (multinomial logistic) regression over all breeds.</summary>
    Multinomial,
}
