namespace DogBreeds.Core.Backbones.Onnx;

/// <summary>
/// Makes the batch dimension of an ONNX model symbolic, in memory, so a model exported with a
/// fixed batch of 1 (like the ML.NET ResNet18 files) accepts batches of any size.
/// </summary>
/// <remarks>
/// Rewrites dimension 0 of every graph input (that is not an initializer) and every graph output
/// from the value 1 to the parameter "N", and drops the graph's <c>value_info</c> (intermediate
/// shapes, which would still say 1; ONNX Runtime infers them again). A Reshape whose constant target
/// shape starts with 1 would bake the batch in: such a model is left unchanged and reported as not
/// batchable, and callers then run it one photo at a time.
/// </remarks>
internal static class OnnxBatchRewriter
{
    // ONNX field numbers (onnx.proto3).
    private const int ModelGraph = 7;
    private const int GraphNode = 1;
    private const int GraphInitializer = 5;
    private const int GraphInput = 11;
    private const int GraphOutput = 12;
    private const int GraphValueInfo = 13;
    private const int NodeInput = 1;
    private const int NodeOpType = 4;
    private const int TensorInt64Data = 7;
    private const int TensorName = 8;
    private const int TensorRawData = 9;
    private const int ValueInfoType = 2;
    private const int TypeTensor = 1;
    private const int TensorTypeShape = 2;
    private const int ShapeDim = 1;
    private const int DimValue = 1;
    private const int DimParam = 2;

    /// <summary>The symbolic name given to the batch dimension.</summary>
    public const string BatchDimension = "N";

    /// <summary>Returns the rewritten model, or null when the model needs no rewrite or cannot be batched.</summary>
    /// <param name="model">The serialized ModelProto.</param>
    /// <param name="batchable">False when a constant Reshape fixes the batch size at 1.</param>
    public static byte[]? MakeBatchSymbolic(byte[] model, out bool batchable)
    {
        ArgumentNullException.ThrowIfNull(model);
        var modelFields = ProtoReader.ReadFields(model);
        var graphField = modelFields.FirstOrDefault(f => f.Number == ModelGraph && f.WireType == 2);
        if (graphField.Payload.IsEmpty)
        {
            throw new InvalidDataException("The ONNX model has no graph.");
        }

        var graphFields = ProtoReader.ReadFields(graphField.Payload);
        var initializers = graphFields.Where(f => f.Number == GraphInitializer).ToList();
        var initializerNames = new HashSet<string>(initializers.Select(InitializerName), StringComparer.Ordinal);
        batchable = !HasBatchOneReshape(graphFields, initializers);
        if (!batchable)
        {
            return null;
        }

        var changed = false;
        var graph = new ProtoWriter();
        foreach (var field in graphFields)
        {
            switch (field.Number)
            {
                case GraphInput when !IsInitializerInput(field, initializerNames):
                case GraphOutput:
                    var rewritten = RewriteValueInfo(field.Payload, ref changed);
                    graph.Bytes(field.Number, rewritten);
                    break;
                case GraphValueInfo:
                    changed = true;
                    break;
                default:
                    graph.Raw(field.Raw.Span);
                    break;
            }
        }

        if (!changed)
        {
            return null;
        }

        var output = new ProtoWriter();
        foreach (var field in modelFields)
        {
            if (field.Number == ModelGraph)
            {
                output.Bytes(ModelGraph, graph.ToArray());
            }
            else
            {
                output.Raw(field.Raw.Span);
            }
        }

        return output.ToArray();
    }

    private static string InitializerName(ProtoField initializer) =>
        ProtoReader.ReadFields(initializer.Payload).Where(f => f.Number == TensorName).Select(ProtoReader.ReadString).FirstOrDefault() ?? string.Empty;

    private static bool IsInitializerInput(ProtoField valueInfo, HashSet<string> initializerNames)
    {
        var name = ProtoReader.ReadFields(valueInfo.Payload).Where(f => f.Number == 1).Select(ProtoReader.ReadString).FirstOrDefault();
        return name is not null && initializerNames.Contains(name);
    }

    private static byte[] RewriteValueInfo(ReadOnlyMemory<byte> valueInfo, ref bool changed) =>
        RewriteField(valueInfo, ValueInfoType, ref changed, RewriteType);

    private static byte[] RewriteType(ReadOnlyMemory<byte> type, ref bool changed) =>
        RewriteField(type, TypeTensor, ref changed, RewriteTensorType);

    private static byte[] RewriteTensorType(ReadOnlyMemory<byte> tensorType, ref bool changed) =>
        RewriteField(tensorType, TensorTypeShape, ref changed, RewriteShape);

    private delegate byte[] Rewrite(ReadOnlyMemory<byte> payload, ref bool changed);

    /// <summary>Copies a message, passing the payload of field <paramref name="fieldNumber"/> through <paramref name="rewrite"/>.</summary>
    private static byte[] RewriteField(ReadOnlyMemory<byte> message, int fieldNumber, ref bool changed, Rewrite rewrite)
    {
        var writer = new ProtoWriter();
        foreach (var field in ProtoReader.ReadFields(message))
        {
            if (field.Number == fieldNumber && field.WireType == 2)
            {
                writer.Bytes(fieldNumber, rewrite(field.Payload, ref changed));
            }
            else
            {
                writer.Raw(field.Raw.Span);
            }
        }

        return writer.ToArray();
    }

    private static byte[] RewriteShape(ReadOnlyMemory<byte> shape, ref bool changed)
    {
        var writer = new ProtoWriter();
        var first = true;
        foreach (var field in ProtoReader.ReadFields(shape))
        {
            if (first && field.Number == ShapeDim && field.WireType == 2)
            {
                first = false;
                var dim = ProtoReader.ReadFields(field.Payload);
                if (dim.Any(d => d.Number == DimValue && d.Value == 1))
                {
                    writer.Message(ShapeDim, d => d.String(DimParam, BatchDimension));
                    changed = true;
                    continue;
                }
            }

            writer.Raw(field.Raw.Span);
        }

        return writer.ToArray();
    }

    private static bool HasBatchOneReshape(List<ProtoField> graphFields, List<ProtoField> initializers)
    {
        var shapeInputs = graphFields
            .Where(f => f.Number == GraphNode)
            .Select(f => ProtoReader.ReadFields(f.Payload))
            .Where(node => node.Any(n => n.Number == NodeOpType && ProtoReader.ReadString(n) == "Reshape"))
            .Select(node => node.Where(n => n.Number == NodeInput).Select(ProtoReader.ReadString).ElementAtOrDefault(1))
            .Where(name => name is not null)
            .ToHashSet(StringComparer.Ordinal);
        if (shapeInputs.Count == 0)
        {
            return false;
        }

        foreach (var initializer in initializers)
        {
            var fields = ProtoReader.ReadFields(initializer.Payload);
            var name = fields.Where(f => f.Number == TensorName).Select(ProtoReader.ReadString).FirstOrDefault();
            if (name is null || !shapeInputs.Contains(name))
            {
                continue;
            }

            var int64 = fields.Where(f => f.Number == TensorInt64Data).SelectMany(ProtoReader.ReadPackedInt64).ToList();
            var raw = fields.FirstOrDefault(f => f.Number == TensorRawData).Payload;
            var firstValue = int64.Count > 0 ? int64[0] : raw.Length >= 8 ? BitConverter.ToInt64(raw.Span[..8]) : 0;
            if (firstValue == 1)
            {
                return true;
            }
        }

        return false;
    }
}
