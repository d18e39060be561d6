using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace DogBreeds.Infra.Tests;

/// <summary>
/// hadolint is not packaged where this project's machines install from (Debian, npm, NuGet), so these
/// tests check what the Dockerfile promises instead (the README's "Deploy to Azure" section says so).
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly Lazy<byte[]> s_cudaProvider = new(() => File.ReadAllBytes(OnnxRuntimeCudaProvider()));

    private readonly Dockerfile _sut = Dockerfile.Load(RepositoryPaths.Of("Dockerfile"));

    [Fact]
    public void BaseImages_All_ArePinnedToATagAndNeverLatest()
    {
        Assert.NotEmpty(_sut.BaseImages);
        Assert.All(_sut.BaseImages, image =>
        {
            Assert.Matches(PinnedImage(), image);
            Assert.DoesNotContain(":latest", image, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void FinalStage_Base_IsTheFunctionsDotnet10IsolatedHost()
    {
        var sut = _sut.BaseImages[^1];

        Assert.Equal("mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0", sut);
    }

    [Fact]
    public void FinalStage_Layout_IsTheFunctionsScriptRoot()
    {
        var sut = _sut.FinalStage;

        Assert.Contains(sut, i => i.Keyword == "WORKDIR" && i.Arguments == "/home/site/wwwroot");
        Assert.Contains(sut, i => i.Keyword == "ENV" && i.Arguments.Contains("AzureWebJobsScriptRoot=/home/site/wwwroot", StringComparison.Ordinal));
        Assert.Contains(sut, i => i.Keyword == "ENV" && i.Arguments.Contains("FUNCTIONS_WORKER_RUNTIME=dotnet-isolated", StringComparison.Ordinal));
    }

    [Fact]
    public void FinalStage_User_IsNonRootOrTheReasonIsWritten()
    {
        var user = _sut.FinalStage.LastOrDefault(i => i.Keyword == "USER").Arguments;
        var text = File.ReadAllText(RepositoryPaths.Of("Dockerfile"));

        Assert.True(
            user is not null && user != "root" && user != "0" || text.Contains("# Root: ", StringComparison.Ordinal),
            "The final stage runs as root without a '# Root: <reason>' comment in the Dockerfile.");
    }

    [Fact]
    public void CudaLibraries_Major_MatchesWhatOnnxRuntimesCudaProviderLinks()
    {
        var provider = s_cudaProvider.Value;
        var cudaMajor = _sut.Arguments["CUDA_VERSION"].Split('.')[0];

        // The provider links libcublas.so.N and libcublasLt.so.N of exactly one CUDA major version.
        Assert.Equal(cudaMajor, Assert.Single(LibraryMajors(provider, "libcublas")));
        Assert.Equal(cudaMajor, Assert.Single(LibraryMajors(provider, "libcublasLt")));
        Assert.Contains(cudaMajor, LibraryMajors(provider, "libcudart"));
        Assert.Contains($"/libcudart.so.{cudaMajor}*", string.Join(' ', _sut.FinalStage.Select(i => i.Arguments)), StringComparison.Ordinal);
    }

    [Fact]
    public void CudnnLibraries_Major_MatchesWhatOnnxRuntimesCudaProviderLoads()
    {
        var provider = s_cudaProvider.Value;
        var cudnnMajor = _sut.Arguments["CUDNN_MAJOR"];

        // The provider builds the name "libcudnn.so.N" in code; its tail "dnn.so.N" is in the file.
        Assert.True(provider.AsSpan().IndexOf(Encoding.ASCII.GetBytes($"dnn.so.{cudnnMajor}")) >= 0, $"The ONNX Runtime CUDA provider does not load cuDNN {cudnnMajor}.");
        Assert.Contains($"/libcudnn*.so.{cudnnMajor}*", string.Join(' ', _sut.FinalStage.Select(i => i.Arguments)), StringComparison.Ordinal);
        Assert.Contains("cudnn", _sut.BaseImages.Single(i => i.StartsWith("nvidia/cuda:", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Versions_Documented_MatchTheDockerfile()
    {
        var sut = File.ReadAllText(RepositoryPaths.Of("README.md"));

        Assert.Contains($"CUDA {_sut.Arguments["CUDA_VERSION"]}", sut, StringComparison.Ordinal);
        Assert.Contains($"cuDNN {_sut.Arguments["CUDNN_MAJOR"]}", sut, StringComparison.Ordinal);
        Assert.Contains("hadolint", sut, StringComparison.Ordinal);
    }

    private static string OnnxRuntimeCudaProvider()
    {
        var path = typeof(DockerfileTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "OnnxRuntimeCudaProviderPath").Value!;
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The ONNX Runtime CUDA provider is missing at {path}: restore the test project (PackageDownload of Microsoft.ML.OnnxRuntime.Gpu.Linux).", path);
    }

    private static HashSet<string> LibraryMajors(byte[] binary, string library)
    {
        // Library names are NUL-terminated strings in the ELF string tables: "\0libcublas.so.13\0".
        var prefix = Encoding.ASCII.GetBytes($"\0{library}.so.");
        var majors = new HashSet<string>(StringComparer.Ordinal);
        var span = binary.AsSpan();
        for (var at = span.IndexOf(prefix); at >= 0; at = NextAfter(span, prefix, at))
        {
            var digits = span[(at + prefix.Length)..];
            var length = digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
            if (length > 0 && digits[length] == 0)
            {
                majors.Add(Encoding.ASCII.GetString(digits[..length]));
            }
        }

        return majors;
    }

    private static int NextAfter(ReadOnlySpan<byte> span, ReadOnlySpan<byte> prefix, int at)
    {
        var next = span[(at + 1)..].IndexOf(prefix);
        return next < 0 ? -1 : at + 1 + next;
    }

    [GeneratedRegex(@"^[a-z0-9.\-/]+(:[A-Za-z0-9._\-]+|@sha256:[0-9a-f]{64})$")]
    private static partial Regex PinnedImage();
}
