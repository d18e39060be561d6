namespace DogBreeds.Cli.Bench;

/// <summary>Figures measured by <see cref="ExtractionBenchmark.RunAsync"/>.</summary>
/// <param name="Photos">Photos timed.</param>
/// <param name="Failed">Photos that failed (bad files) in the end-to-end run.</param>
/// <param name="EndToEndImagesPerSecond">Read + decode + preprocess + CNN, pipelined, cache off.</param>
/// <param name="CnnImagesPerSecond">CNN on photos decoded beforehand (crop, resize and tensor fill included, about 1 ms each), batched.</param>
/// <param name="DecodeImagesPerSecond">Read + decode alone, one thread.</param>
/// <param name="BatchSize">Photos per CNN batch.</param>
/// <param name="Provider">Execution provider used.</param>
public sealed record ExtractionBenchmarkResult(int Photos, int Failed, double EndToEndImagesPerSecond, double CnnImagesPerSecond, double DecodeImagesPerSecond, int BatchSize, string Provider);
