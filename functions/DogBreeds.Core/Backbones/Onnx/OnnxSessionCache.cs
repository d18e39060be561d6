using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace DogBreeds.Core.Backbones.Onnx;

/// <summary>
/// One <see cref="InferenceSession"/> per (model file, execution provider, thread count) per process,
/// created on first use. Sessions are thread-safe and expensive, so they are shared by every
/// <see cref="FeatureExtractor"/> and live as long as the process.
/// </summary>
internal static partial class OnnxSessionCache
{
    private static readonly ConcurrentDictionary<(string Path, ExecutionProvider Provider, int Threads), Lazy<OnnxModel>> s_models = new();
    private static int s_cudaFallbackLogged;
    private static volatile string? s_cudaFailure;

    /// <summary>Returns the shared model for <paramref name="path"/>, loading it (batch made symbolic) on first use.</summary>
    public static OnnxModel Get(string path, ExecutionProvider provider, int intraOpThreads, ILogger logger)
    {
        var key = (Path.GetFullPath(path), provider, intraOpThreads);
        var lazy = s_models.GetOrAdd(key, k => new Lazy<OnnxModel>(() => Load(k.Item1, k.Item2, k.Item3, logger), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // Do not cache a failure: the next call tries again.
            s_models.TryRemove(KeyValuePair.Create(key, lazy));
            throw;
        }
    }

    private static OnnxModel Load(string path, ExecutionProvider provider, int threads, ILogger logger)
    {
        var original = File.ReadAllBytes(path);
        byte[] model;
        try
        {
            model = OnnxBatchRewriter.MakeBatchSymbolic(original, out _) ?? original;
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Model file '{path}' is not a readable ONNX model ({e.Message.TrimEnd('.')}).", e);
        }

        if (provider == ExecutionProvider.Cuda && s_cudaFailure is { } known)
        {
            throw new InvalidOperationException($"The CUDA execution provider was requested for '{Path.GetFileName(path)}' but cannot be used on this machine ({known}).");
        }

        // Auto tries CUDA once per process; after a failure every later model goes straight to the CPU.
        if (provider == ExecutionProvider.Cuda || (provider == ExecutionProvider.Auto && s_cudaFailure is null))
        {
            using var cudaOptions = CreateOptions(threads);
            Exception? failure = null;
            try
            {
                cudaOptions.AppendExecutionProvider_CUDA(0);
                return Wrap(new InferenceSession(model, cudaOptions), ExecutionProvider.Cuda);
            }
            catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
            {
                failure = e;
                s_cudaFailure = FirstLine(e.Message);
            }

            if (provider == ExecutionProvider.Cuda)
            {
                throw new InvalidOperationException($"The CUDA execution provider was requested for '{Path.GetFileName(path)}' but cannot be used on this machine ({FirstLine(failure.Message)}).", failure);
            }

            if (Interlocked.Exchange(ref s_cudaFallbackLogged, 1) == 0)
            {
                LogCudaFallback(logger, FirstLine(failure.Message));
            }
        }

        using var options = CreateOptions(threads);
        try
        {
            return Wrap(new InferenceSession(model, options), ExecutionProvider.Cpu);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"Model file '{path}' could not be loaded by ONNX Runtime ({FirstLine(e.Message)}).", e);
        }
    }

    private static OnnxModel Wrap(InferenceSession session, ExecutionProvider provider)
    {
        var batchable = session.InputMetadata.Values.All(m => m.Dimensions.Length > 0 && m.Dimensions[0] < 0);
        return new OnnxModel(session, batchable, provider);
    }

    private static SessionOptions CreateOptions(int threads)
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };

        // No busy-waiting between operators: the decode stage runs beside the CNN on the same few
        // cores, and spinning ORT threads starve it. Measured on the shared 2-core machine (A/B,
        // 100 photos, three pairs): end to end 5.5/4.4/5.2 -> 6.2/5.5/5.7 images/s, 72 -> 63 CPU ms/photo.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");

        return options;
    }

    private static string FirstLine(string message) => message.ReplaceLineEndings(" ").Trim().TrimEnd('.');

    [LoggerMessage(Level = LogLevel.Warning, Message = "CUDA is not available ({Reason}); ONNX Runtime runs the backbones on the CPU")]
    private static partial void LogCudaFallback(ILogger logger, string reason);
}
