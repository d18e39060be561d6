using DogBreeds.Core.Backbones.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace DogBreeds.Core.Tests.Backbones;

public sealed class OnnxBatchRewriterTests
{
    [Fact]
    public void MakeBatchSymbolic_FixedBatchOne_AcceptsAnyBatch()
    {
        var model = TinyOnnxModels.Identity([1, 3, 2, 2]);

        var sut = OnnxBatchRewriter.MakeBatchSymbolic(model, out var batchable);

        Assert.True(batchable);
        Assert.NotNull(sut);
        using var session = new InferenceSession(sut);
        Assert.Equal([-1, 3, 2, 2], session.InputMetadata["x"].Dimensions);
        Assert.Equal("N", session.InputMetadata["x"].SymbolicDimensions[0]);
        var input = Enumerable.Range(0, 3 * 3 * 2 * 2).Select(i => (float)i).ToArray();
        using var value = OrtValue.CreateTensorValueFromMemory(input, [3, 3, 2, 2]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["x"], [value], ["y"]);
        Assert.Equal(input, outputs[0].GetTensorDataAsSpan<float>().ToArray());
    }

    [Fact]
    public void MakeBatchSymbolic_AlreadySymbolic_ReturnsNull()
    {
        var model = TinyOnnxModels.Identity([-1, 3, 2, 2]);

        var sut = OnnxBatchRewriter.MakeBatchSymbolic(model, out var batchable);

        Assert.True(batchable);
        Assert.Null(sut);
    }

    [Fact]
    public void MakeBatchSymbolic_ReshapeWithBatchOneConstant_ReportsNotBatchable()
    {
        var model = TinyOnnxModels.ReshapeToBatchOne([1, 3, 2, 2]);

        var sut = OnnxBatchRewriter.MakeBatchSymbolic(model, out var batchable);

        Assert.False(batchable);
        Assert.Null(sut);
    }

    [Fact]
    public void MakeBatchSymbolic_NotAModel_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => OnnxBatchRewriter.MakeBatchSymbolic([0x0A, 0xFF], out _));
    }
}
