namespace DogBreeds.Functions.Storage;

/// <summary>
/// Where everything lives in the <c>PhotoStorage</c> account. One place, so the trigger paths, the README
/// and the code cannot drift apart.
/// <code>
/// images/   train/&lt;breed&gt;/&lt;file&gt; | train/&lt;file&gt; + train/labels.csv | test/&lt;file&gt;   (the inbox)
/// features/ &lt;backboneKey&gt;/&lt;sha256&gt;.f32  (metadata: path, label)   _rejected/&lt;path&gt;.json
/// models/   &lt;version&gt;/model/*  &lt;version&gt;/metrics.json  &lt;version&gt;/submission.csv  current  _runs/&lt;instance&gt;/*
/// </code>
/// </summary>
public static class StorageLayout
{
    /// <summary>The inbox: photos to learn from and photos to score in bulk.</summary>
    public const string ImagesContainer = "images";

    /// <summary>One small blob per (backbone key, photo SHA-256), plus <c>_rejected/</c>.</summary>
    public const string FeaturesContainer = "features";

    /// <summary>Model versions, the <c>current</c> pointer and training scratch blobs.</summary>
    public const string ModelsContainer = "models";

    /// <summary>Labelled photos: <c>train/&lt;breed&gt;/&lt;file&gt;</c> or <c>train/&lt;file&gt;</c> with <c>train/labels.csv</c>.</summary>
    public const string TrainPrefix = "train/";

    /// <summary>Photos to score in bulk into a Kaggle submission.</summary>
    public const string TestPrefix = "test/";

    /// <summary>Kaggle labels (<c>id,breed</c>) for the flat <c>train/</c> layout.</summary>
    public const string LabelsBlob = "train/labels.csv";

    /// <summary>Records of photos that can never be read, one JSON blob per inbox path.</summary>
    public const string RejectedPrefix = "_rejected/";

    /// <summary>Text blob in <c>models</c> holding the name of the version that scoring uses.</summary>
    public const string CurrentPointer = "current";

    /// <summary>Scratch blobs of training and bulk-scoring runs (data sets, members, partial CSVs).</summary>
    public const string RunsPrefix = "_runs/";

    /// <summary>Feature blob of one photo for one backbone key: deterministic, so a repeat is detected before the CNN runs.</summary>
    public static string FeatureBlob(string backboneKey, string sha256) => $"{backboneKey}/{sha256}.f32";

    /// <summary>Prefix listing every feature blob of one backbone key.</summary>
    public static string FeaturePrefix(string backboneKey) => $"{backboneKey}/";

    /// <summary>Rejection record of the inbox photo at <paramref name="photoPath"/>.</summary>
    public static string RejectedBlob(string photoPath) => $"{RejectedPrefix}{photoPath}.json";

    /// <summary>Folder of one model version's files (as written by <c>BreedModel.ToFiles()</c>).</summary>
    public static string ModelFolder(string version) => $"{version}/model/";

    /// <summary>Metrics of one model version (JSON).</summary>
    public static string MetricsBlob(string version) => $"{version}/metrics.json";

    /// <summary>Kaggle submission scored with one model version.</summary>
    public static string SubmissionBlob(string version) => $"{version}/submission.csv";

    /// <summary>Scratch folder of one orchestration instance.</summary>
    public static string RunFolder(string instanceId) => $"{RunsPrefix}{instanceId}/";
}
