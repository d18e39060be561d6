namespace DogBreeds.Core.Backbones;

/// <summary>What is done with a backbone's output to get one vector per photo.</summary>
public enum FeaturePooling
{
    /// <summary>The output is used as it is, flattened (e.g. [N, 512, 1, 1] or [N, 1536]).</summary>
    None,

    /// <summary>Global average over the spatial positions of a [N, C, H, W] (NCHW) or [N, H, W, C] (NHWC) output.</summary>
    Avg,
}
