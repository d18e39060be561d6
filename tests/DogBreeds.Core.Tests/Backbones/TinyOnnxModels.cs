using DogBreeds.Core.Backbones.Onnx;

namespace DogBreeds.Core.Tests.Backbones;

/// <summary>
/// Minimal ONNX models written in code with the core's protobuf writer (field numbers from
/// onnx.proto3), so tests can see exactly what a backbone receives.
/// </summary>
internal static class TinyOnnxModels
{
    private const int FloatType = 1;
    private const int Int64Type = 7;

    /// <summary>y = x. A negative dimension is written as the symbolic "N".</summary>
    public static byte[] Identity(long[] shape, string input = "x", string output = "y") =>
        Model(graph => graph
            .Message(1, node => node.String(1, input).String(2, output).String(4, "Identity"))
            .String(2, "identity")
            .Message(11, vi => ValueInfo(vi, input, shape))
            .Message(12, vi => ValueInfo(vi, output, shape)));

    /// <summary>y = Reshape(x, [1, -1]): a constant shape that bakes in a batch of 1.</summary>
    public static byte[] ReshapeToBatchOne(long[] shape) =>
        Model(graph => graph
            .Message(1, node => node.String(1, "x").String(1, "target").String(2, "y").String(4, "Reshape"))
            .String(2, "reshape")
            .Message(5, tensor => tensor.PackedInt64(1, [2]).Varint(2, Int64Type).PackedInt64(7, [1, -1]).String(8, "target"))
            .Message(11, vi => ValueInfo(vi, "x", shape))
            .Message(12, vi => ValueInfo(vi, "y", [1, shape.Skip(1).Aggregate(1L, (a, b) => a * b)])));

    /// <summary>Writes the model to <paramref name="directory"/>/<paramref name="fileName"/> and returns the path.</summary>
    public static string Save(string directory, string fileName, byte[] model)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fileName);
        File.WriteAllBytes(path, model);
        return path;
    }

    private static byte[] Model(Action<ProtoWriter> graph) => new ProtoWriter()
        .Varint(1, 8) // ir_version
        .String(2, "DogBreeds.Core.Tests") // producer_name
        .Message(7, graph)
        .Message(8, opset => opset.String(1, string.Empty).Varint(2, 13))
        .ToArray();

    private static void ValueInfo(ProtoWriter valueInfo, string name, long[] shape) => valueInfo
        .String(1, name)
        .Message(2, type => type.Message(1, tensor => tensor
            .Varint(1, FloatType)
            .Message(2, tensorShape =>
            {
                foreach (var dim in shape)
                {
                    tensorShape.Message(1, d => _ = dim < 0 ? d.String(2, "N") : d.Varint(1, dim));
                }
            })));
}
