using System.Buffers.Binary;

namespace DogBreeds.Core.Backbones.Onnx;

/// <summary>
/// Minimal protobuf wire-format reader: enough to walk an ONNX ModelProto without generated code
/// or a protobuf dependency.
/// </summary>
internal static class ProtoReader
{
    /// <summary>Reads the fields of one message, in order.</summary>
    public static List<ProtoField> ReadFields(ReadOnlyMemory<byte> message)
    {
        var fields = new List<ProtoField>();
        var span = message.Span;
        var pos = 0;
        while (pos < span.Length)
        {
            var start = pos;
            var tag = ReadVarint(span, ref pos);
            var number = (int)(tag >> 3);
            var wireType = (int)(tag & 7);
            switch (wireType)
            {
                case 0:
                    var varint = ReadVarint(span, ref pos);
                    fields.Add(new ProtoField(number, wireType, varint, ReadOnlyMemory<byte>.Empty, message[start..pos]));
                    break;
                case 1:
                    Require(span, pos, 8);
                    var fixed64 = BinaryPrimitives.ReadUInt64LittleEndian(span[pos..]);
                    pos += 8;
                    fields.Add(new ProtoField(number, wireType, fixed64, ReadOnlyMemory<byte>.Empty, message[start..pos]));
                    break;
                case 2:
                    var length = checked((int)ReadVarint(span, ref pos));
                    Require(span, pos, length);
                    var payload = message.Slice(pos, length);
                    pos += length;
                    fields.Add(new ProtoField(number, wireType, 0, payload, message[start..pos]));
                    break;
                case 5:
                    Require(span, pos, 4);
                    var fixed32 = BinaryPrimitives.ReadUInt32LittleEndian(span[pos..]);
                    pos += 4;
                    fields.Add(new ProtoField(number, wireType, fixed32, ReadOnlyMemory<byte>.Empty, message[start..pos]));
                    break;
                default:
                    throw new InvalidDataException($"The ONNX model has protobuf wire type {wireType} at byte {start}, which this reader does not handle.");
            }
        }

        return fields;
    }

    /// <summary>Reads a packed repeated varint field (or a single unpacked value).</summary>
    public static List<long> ReadPackedInt64(ProtoField field)
    {
        if (field.WireType == 0)
        {
            return [(long)field.Value];
        }

        var values = new List<long>();
        var span = field.Payload.Span;
        var pos = 0;
        while (pos < span.Length)
        {
            values.Add((long)ReadVarint(span, ref pos));
        }

        return values;
    }

    public static string ReadString(ProtoField field) => System.Text.Encoding.UTF8.GetString(field.Payload.Span);

    private static ulong ReadVarint(ReadOnlySpan<byte> span, ref int pos)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (pos >= span.Length)
            {
                throw new InvalidDataException("The ONNX model ends inside a protobuf varint.");
            }

            var b = span[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new InvalidDataException("The ONNX model has a protobuf varint longer than 10 bytes.");
    }

    private static void Require(ReadOnlySpan<byte> span, int pos, int length)
    {
        if (length < 0 || pos + length > span.Length)
        {
            throw new InvalidDataException($"The ONNX model ends inside a protobuf field (needs {length} bytes at byte {pos} of {span.Length}).");
        }
    }
}
