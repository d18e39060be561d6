using DogBreeds.Core.Evaluation;
using DogBreeds.Core.Features;
using DogBreeds.Core.Models;

namespace DogBreeds.Core.Training;

/// <summary>
/// Trains the breed classifier of the post: variance threshold, then a bagged ensemble of SGD logistic
/// regressions, each on a random subset of photos and of features, probabilities averaged; then
/// temperature calibration and the not-dog threshold on a stratified validation split.
/// <para>
/// The work is exposed in three pieces so that a durable orchestration can fan out one activity per member:
/// <see cref="Prepare"/> (split, variance mask, standardisation: a serialisable record),
/// <see cref="TrainMember"/> (one member from the data, the preparation, the options and its index) and
/// <see cref="Assemble"/> (members -> calibrated model with threshold and validation metrics).
/// <see cref="Train"/> is exactly these composed, so the same seed gives the same model either way and
/// whatever the number of threads: a member depends only on (data, preparation, options, index).
/// </para>
/// </summary>
public static class BaggedSgdTrainer
{
    /// <summary>Trains a model locally, members in parallel.</summary>
    /// <param name="data">Labelled features of all training photos (the validation split is taken from them).</param>
    /// <param name="options">Training options; validated first.</param>
    /// <param name="backboneId">Id of the backbone that produced the features.</param>
    /// <param name="backboneSha256">SHA-256 of that backbone's manifest.</param>
    /// <param name="maxDegreeOfParallelism">Members trained at once; -1 = all cores.</param>
    /// <param name="createdUtc">Timestamp for the manifest; now when null.</param>
    public static BreedModel Train(
        LabelledFeatures data,
        TrainingOptions options,
        string backboneId,
        string backboneSha256,
        int maxDegreeOfParallelism = -1,
        DateTimeOffset? createdUtc = null)
    {
        var preparation = Prepare(data, options);
        var members = new EnsembleMember[options.Estimators];
        Parallel.For(
            0,
            members.Length,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            i => members[i] = TrainMember(data, preparation, options, i));
        return Assemble(data, preparation, options, members, backboneId, backboneSha256, createdUtc ?? DateTimeOffset.UtcNow);
    }

    /// <summary>
    /// The shared first step: the stratified validation split, the variance mask over the training rows and
    /// the mean and standard deviation of each kept feature.
    /// </summary>
    /// <exception cref="ArgumentException">Bad options, a class without training photos, or no feature above the variance threshold.</exception>
    public static TrainingPreparation Prepare(LabelledFeatures data, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (data.Classes.Count < 2)
        {
            throw new ArgumentException($"Training needs photos of at least two breeds, but the data has {data.Classes.Count}.", nameof(data));
        }

        var (trainRows, validationRows) = LabelledFeatures.StratifiedSplitIndices(data.Labels, data.Classes.Count, options.ValidationFraction, options.Seed);
        var counts = new int[data.Classes.Count];
        foreach (var r in trainRows)
        {
            counts[data.Labels[r]]++;
        }

        for (var c = 0; c < counts.Length; c++)
        {
            if (counts[c] == 0)
            {
                throw new ArgumentException($"Breed '{data.Classes[c]}' has no training photos; every breed needs at least one.", nameof(data));
            }
        }

        // Mean and variance of each column over the training rows, in double.
        var columns = data.Columns;
        var sum = new double[columns];
        var sumSquares = new double[columns];
        foreach (var r in trainRows)
        {
            var row = data.Row(r);
            for (var j = 0; j < columns; j++)
            {
                sum[j] += row[j];
                sumSquares[j] += (double)row[j] * row[j];
            }
        }

        var kept = new List<int>();
        var means = new List<float>();
        var scales = new List<float>();
        for (var j = 0; j < columns; j++)
        {
            var mean = sum[j] / trainRows.Length;
            var variance = Math.Max(0, (sumSquares[j] / trainRows.Length) - (mean * mean));
            if (variance > options.VarianceThreshold || (options.VarianceThreshold == 0 && variance > 0))
            {
                kept.Add(j);
                means.Add(options.Standardize ? (float)mean : 0f);
                scales.Add(options.Standardize ? (float)(1 / Math.Sqrt(variance)) : 1f);
            }
        }

        if (kept.Count == 0)
        {
            throw new ArgumentException($"No feature of the {columns} has a variance above the threshold {options.VarianceThreshold}; lower VarianceThreshold.", nameof(options));
        }

        return new TrainingPreparation(
            data.Rows, columns, data.Classes.ToArray(), TrainingPreparation.Fingerprint(data.Labels),
            [.. kept], [.. means], [.. scales], trainRows, validationRows);
    }

    /// <summary>
    /// Trains member <paramref name="memberIndex"/>: draws its photos and features with a generator seeded
    /// from (options.Seed, memberIndex), then runs SGD on them. Depends on nothing else.
    /// </summary>
    /// <exception cref="ArgumentException">The data is not the one prepared, or the index is out of range.</exception>
    /// <exception cref="InvalidOperationException">The member's bag holds photos of fewer than two breeds.</exception>
    public static EnsembleMember TrainMember(LabelledFeatures data, TrainingPreparation preparation, TrainingOptions options, int memberIndex)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(preparation);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        EnsurePrepared(data, preparation);
        if (memberIndex < 0 || memberIndex >= options.Estimators)
        {
            throw new ArgumentOutOfRangeException(nameof(memberIndex), $"Member index {memberIndex} is outside the {options.Estimators} estimators.");
        }

        var random = new DeterministicRandom(DeterministicRandom.MemberSeed(options.Seed, memberIndex));
        var train = preparation.TrainRows;
        var bagSize = Math.Max(1, (int)(options.MaxSamples * train.Length));
        var bag = random.Sample(train.Length, bagSize, options.BootstrapSamples);
        var kept = preparation.KeptFeatures.Length;
        var featureCount = Math.Max(1, (int)(options.MaxFeatures * kept));
        var features = random.Sample(kept, featureCount, options.BootstrapFeatures);

        // Classes present in the bag; absent ones get no probability from this member (reported via ClassIndices).
        var k = preparation.Classes.Count;
        var counts = new int[k];
        foreach (var b in bag)
        {
            counts[data.Labels[train[b]]]++;
        }

        var present = Enumerable.Range(0, k).Where(c => counts[c] > 0).ToArray();
        if (present.Length < 2)
        {
            throw new InvalidOperationException(
                $"Ensemble member {memberIndex} drew {bagSize} photos of only {present.Length} breed(s); raise MaxSamples or add photos so every bag holds at least two breeds.");
        }

        var local = new int[k];
        Array.Fill(local, -1);
        for (var c = 0; c < present.Length; c++)
        {
            local[present[c]] = c;
        }

        var classWeights = new double[present.Length];
        for (var c = 0; c < present.Length; c++)
        {
            classWeights[c] = options.BalancedClassWeights ? bagSize / ((double)present.Length * counts[present[c]]) : 1.0;
        }

        // The member's photos x features, standardised, contiguous.
        var x = new float[bagSize * featureCount];
        var y = new int[bagSize];
        var mask = preparation.KeptFeatures;
        for (var i = 0; i < bagSize; i++)
        {
            var row = data.Row(train[bag[i]]);
            var target = x.AsSpan(i * featureCount, featureCount);
            for (var j = 0; j < featureCount; j++)
            {
                var p = features[j];
                target[j] = (row[mask[p]] - preparation.Means[p]) * preparation.Scales[p];
            }

            y[i] = local[data.Labels[train[bag[i]]]];
        }

        var result = SgdLogisticRegression.Train(x, featureCount, y, present.Length, classWeights, options, random);
        return new EnsembleMember(memberIndex, options.Loss, features, present, result.Weights, result.Intercepts, result.Epochs, result.FinalLoss, bagSize);
    }

    /// <summary>
    /// The last step: members (in any order) become a model; the temperature is fitted on the validation
    /// rows, the not-dog threshold is the calibrated max-probability quantile that keeps
    /// <see cref="TrainingOptions.DogRecall"/> of the validation photos as dogs, and the validation metrics
    /// are recorded. Without validation rows the temperature is 1 and the threshold 0.
    /// </summary>
    /// <exception cref="ArgumentException">Members are missing, repeated or do not match the options.</exception>
    public static BreedModel Assemble(
        LabelledFeatures data,
        TrainingPreparation preparation,
        TrainingOptions options,
        IReadOnlyList<EnsembleMember> members,
        string backboneId,
        string backboneSha256,
        DateTimeOffset createdUtc)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(preparation);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentException.ThrowIfNullOrEmpty(backboneId);
        ArgumentException.ThrowIfNullOrEmpty(backboneSha256);
        EnsurePrepared(data, preparation);
        var ordered = members.OrderBy(m => m.Index).ToArray();
        if (ordered.Length != options.Estimators || ordered.Where((m, i) => m.Index != i).Any())
        {
            throw new ArgumentException($"The ensemble needs members 0 to {options.Estimators - 1} once each, but got indices [{string.Join(", ", ordered.Select(m => m.Index))}].", nameof(members));
        }

        var manifest = new ModelManifest(
            BreedModel.CurrentFormatVersion,
            preparation.Classes.ToArray(),
            backboneId,
            backboneSha256,
            preparation.Columns,
            preparation.KeptFeatures,
            ordered.Select(m => new MemberManifest(m.Index, m.Loss, m.FeatureIndices, m.ClassIndices, m.Epochs, m.FinalLoss, m.BagRows)).ToArray(),
            Temperature: 1,
            NotDogThreshold: 0,
            options.Clone(),
            options.Seed,
            Metrics: null,
            createdUtc,
            WeightsSha256: string.Empty);
        var model = BreedModel.Create(manifest, preparation.Means, preparation.Scales, ordered);
        if (preparation.ValidationRows.Length == 0)
        {
            return model;
        }

        var validation = data.Select(preparation.ValidationRows);
        var k = preparation.Classes.Count;
        var raw = model.PredictRows(validation.Values, validation.Columns, calibrated: false);
        var temperature = options.Calibrate ? TemperatureScaling.Fit(raw, validation.Labels, k) : 1.0;
        for (var r = 0; r < validation.Rows; r++)
        {
            TemperatureScaling.Apply(raw.AsSpan(r * k, k), temperature);
        }

        var threshold = DogThreshold(NotDogSeparation.MaxProbabilities(raw, k), options.DogRecall);
        var metrics = ModelEvaluator.Evaluate(preparation.Classes, raw, validation.Labels);
        return model.With(temperature, threshold, metrics);
    }

    /// <summary>
    /// The largest threshold t such that at least <paramref name="dogRecall"/> of <paramref name="dogScores"/>
    /// are &gt;= t: the floor((1 - recall) x n)-th smallest score.
    /// </summary>
    public static double DogThreshold(IReadOnlyList<double> dogScores, double dogRecall)
    {
        ArgumentNullException.ThrowIfNull(dogScores);
        if (dogScores.Count == 0)
        {
            return 0;
        }

        var sorted = dogScores.Order().ToArray();
        var index = Math.Clamp((int)Math.Floor((1 - dogRecall) * sorted.Length), 0, sorted.Length - 1);
        return sorted[index];
    }

    private static void EnsurePrepared(LabelledFeatures data, TrainingPreparation preparation)
    {
        if (data.Rows != preparation.Rows || data.Columns != preparation.Columns
            || !data.Classes.SequenceEqual(preparation.Classes, StringComparer.Ordinal)
            || TrainingPreparation.Fingerprint(data.Labels) != preparation.LabelsFingerprint)
        {
            throw new ArgumentException(
                $"The data ({data.Rows} rows x {data.Columns} columns, {data.Classes.Count} classes) is not the data this preparation was made from ({preparation.Rows} x {preparation.Columns}, {preparation.Classes.Count} classes, same labels).",
                nameof(data));
        }
    }
}
