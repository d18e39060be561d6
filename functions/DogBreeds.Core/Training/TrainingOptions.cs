using System.Globalization;
using System.Text.Json.Serialization;

namespace DogBreeds.Core.Training;

/// <summary>
/// Settings of <see cref="BaggedSgdTrainer"/>: a bagged ensemble of SGD logistic regressions over the
/// variance-filtered bottleneck features. Defaults are the settings that reached the project's targets on
/// the shared ResNet18 features (2,000 train photos, evaluated on the 500 val photos and 44 not-dogs):
/// one-vs-rest (its max probability separates not-dogs better than softmax), raw rather than standardised
/// features (standardising costs 0.05 of not-dog AUROC), elastic net l1_ratio 0.15 with alpha 0.03,
/// first step 1 / mean squared norm, 10 epochs, 70% of the photos per member drawn without replacement,
/// half the features per member, temperature calibration.
/// </summary>
public sealed class TrainingOptions
{
    /// <summary>Default number of ensemble members.</summary>
    public const int DefaultEstimators = 10;

    /// <summary>Default fraction of training photos each member sees.</summary>
    public const double DefaultMaxSamples = 0.7;

    /// <summary>Default fraction of (kept) features each member sees.</summary>
    public const double DefaultMaxFeatures = 0.5;

    /// <summary>Default regularisation strength of the SGD objective.</summary>
    public const double DefaultAlpha = 0.03;

    /// <summary>Default elastic-net mixing: 0 = pure L2, 1 = pure L1.</summary>
    public const double DefaultL1Ratio = 0.15;

    /// <summary>Default first learning rate (0 = automatic, 1 / mean squared norm of the rows).</summary>
    public const double DefaultLearningRate = 0;

    /// <summary>Default epoch from which iterates are averaged (0 = no averaging).</summary>
    public const int DefaultAverageFromEpoch = 0;

    /// <summary>Default maximum number of passes over a member's photos.</summary>
    public const int DefaultEpochs = 10;

    /// <summary>Default early-stopping tolerance on the mean training loss of an epoch.</summary>
    public const double DefaultTolerance = 1e-3;

    /// <summary>Default number of epochs without improvement before stopping.</summary>
    public const int DefaultNoImprovementEpochs = 5;

    /// <summary>Default fraction of photos held out (stratified) for calibration and the not-dog threshold.</summary>
    public const double DefaultValidationFraction = 0.1;

    /// <summary>Default variance below which a feature is dropped (the post's VarianceThreshold(1e-3)).</summary>
    public const double DefaultVarianceThreshold = 1e-3;

    /// <summary>Default fraction of validation dog photos the not-dog threshold keeps as dogs.</summary>
    public const double DefaultDogRecall = 0.95;

    /// <summary>Number of ensemble members (bags). CLI: <c>--estimators</c>.</summary>
    public int Estimators { get; set; } = DefaultEstimators;

    /// <summary>Fraction of training photos drawn for each member, in (0, 1]. CLI: <c>--max-samples</c>.</summary>
    public double MaxSamples { get; set; } = DefaultMaxSamples;

    /// <summary>Fraction of kept features drawn for each member, in (0, 1]. CLI: <c>--max-features</c>.</summary>
    public double MaxFeatures { get; set; } = DefaultMaxFeatures;

    /// <summary>Draw photos with replacement (bootstrap) rather than without.</summary>
    public bool BootstrapSamples { get; set; }

    /// <summary>Draw features with replacement rather than without.</summary>
    public bool BootstrapFeatures { get; set; }

    /// <summary>Regularisation strength (sklearn's alpha), &gt; 0. CLI: <c>--alpha</c>.</summary>
    public double Alpha { get; set; } = DefaultAlpha;

    /// <summary>Elastic-net mixing parameter in [0, 1] (sklearn's l1_ratio).</summary>
    public double L1Ratio { get; set; } = DefaultL1Ratio;

    /// <summary>Maximum number of epochs per member. CLI: <c>--epochs</c>.</summary>
    public int Epochs { get; set; } = DefaultEpochs;

    /// <summary>
    /// Early stopping: an epoch improves when its mean training loss drops by more than this; 0 disables
    /// early stopping (all <see cref="Epochs"/> run).
    /// </summary>
    public double Tolerance { get; set; } = DefaultTolerance;

    /// <summary>Epochs without improvement after which a member stops.</summary>
    public int NoImprovementEpochs { get; set; } = DefaultNoImprovementEpochs;

    /// <summary>
    /// First learning rate eta0 of the decaying schedule eta0 / (1 + alpha eta0 t); 0 = automatic,
    /// 1 / (mean squared norm of the member's rows), which adapts to the scale of any backbone's features
    /// (ResNet18 features: about 1.6e-3; scikit-learn's "optimal" first step, about 2.4, is far too large for them).
    /// </summary>
    public double LearningRate { get; set; } = DefaultLearningRate;

    /// <summary>
    /// Averaged SGD: the member's weights are the mean of the iterates from this epoch on (1 = from the start);
    /// 0 = the last iterate, as plain SGD.
    /// </summary>
    public int AverageFromEpoch { get; set; } = DefaultAverageFromEpoch;

    /// <summary>Per-member loss. See <see cref="SgdLoss"/>.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<SgdLoss>))]
    public SgdLoss Loss { get; set; } = SgdLoss.OneVsRest;

    /// <summary>Weight each photo by n / (classes x photos of its class) so rare breeds count as much as common ones.</summary>
    public bool BalancedClassWeights { get; set; } = true;

    /// <summary>Fit an (unregularised) intercept per class.</summary>
    public bool FitIntercept { get; set; } = true;

    /// <summary>Standardise each kept feature with the mean and standard deviation of the training photos.</summary>
    public bool Standardize { get; set; }

    /// <summary>Fit a temperature on the validation split so that the averaged probabilities are calibrated.</summary>
    public bool Calibrate { get; set; } = true;

    /// <summary>Fraction of photos held out for calibration and the not-dog threshold, in [0, 0.5). CLI: <c>--validation</c>.</summary>
    public double ValidationFraction { get; set; } = DefaultValidationFraction;

    /// <summary>Run seed; each member's seed is derived from it and the member index. CLI: <c>--seed</c>.</summary>
    public int Seed { get; set; }

    /// <summary>Features whose variance over the training photos is at or below this are dropped.</summary>
    public double VarianceThreshold { get; set; } = DefaultVarianceThreshold;

    /// <summary>
    /// The not-dog threshold is the calibrated max-probability quantile of validation photos that keeps
    /// this fraction of them as dogs, in (0, 1].
    /// </summary>
    public double DogRecall { get; set; } = DefaultDogRecall;

    /// <summary>Checks every setting; throws with a sentence naming the first bad one.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        Require(Estimators is >= 1 and <= 10_000, nameof(Estimators), Estimators, "between 1 and 10000");
        Require(MaxSamples > 0 && MaxSamples <= 1, nameof(MaxSamples), MaxSamples, "in (0, 1]");
        Require(MaxFeatures > 0 && MaxFeatures <= 1, nameof(MaxFeatures), MaxFeatures, "in (0, 1]");
        Require(Alpha > 0 && double.IsFinite(Alpha), nameof(Alpha), Alpha, "a positive number");
        Require(L1Ratio is >= 0 and <= 1, nameof(L1Ratio), L1Ratio, "in [0, 1]");
        Require(Epochs is >= 1 and <= 100_000, nameof(Epochs), Epochs, "between 1 and 100000");
        Require(Tolerance >= 0 && double.IsFinite(Tolerance), nameof(Tolerance), Tolerance, "zero or positive");
        Require(NoImprovementEpochs >= 1, nameof(NoImprovementEpochs), NoImprovementEpochs, "at least 1");
        Require(LearningRate >= 0 && double.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "zero (automatic) or positive");
        Require(AverageFromEpoch >= 0, nameof(AverageFromEpoch), AverageFromEpoch, "zero (no averaging) or positive");
        Require(Enum.IsDefined(Loss), nameof(Loss), Loss, "OneVsRest or Multinomial");
        Require(ValidationFraction is >= 0 and < 0.5, nameof(ValidationFraction), ValidationFraction, "in [0, 0.5)");
        Require(VarianceThreshold >= 0 && double.IsFinite(VarianceThreshold), nameof(VarianceThreshold), VarianceThreshold, "zero or positive");
        Require(DogRecall > 0 && DogRecall <= 1, nameof(DogRecall), DogRecall, "in (0, 1]");
    }

    /// <summary>A copy of these options.</summary>
    public TrainingOptions Clone() => (TrainingOptions)MemberwiseClone();

    private static void Require(bool condition, string name, object value, string expected)
    {
        if (!condition)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Training option {name} must be {expected}, but is {value}."), name);
        }
    }
}
