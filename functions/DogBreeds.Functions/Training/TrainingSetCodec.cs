using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using DogBreeds.Core.Features;

namespace DogBreeds.Functions.Training;

/// <summary>
/// The data set blob of a training run: <see cref="LabelledFeatures"/> in one binary blob, written once by
/// <see cref="BuildTrainingSet"/> and read by every member activity. Layout (little-endian): magic "DBTS",
/// format 1, rows, columns, class count, classes (length-prefixed UTF-8), ids (same), labels (int32 x rows),
/// values (float32 x rows x columns).
/// </summary>
public static class TrainingSetCodec
{
    private const uint Magic = 0x53544244; // "DBTS"
    private const int FormatVersion = 1;

    /// <summary>Encodes a data set.</summary>
    public static byte[] Encode(LabelledFeatures data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var stream = new MemoryStream(capacity: 64 + (data.Values.Length * 4) + (data.Rows * 48));
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(data.Rows);
            writer.Write(data.Columns);
            writer.Write(data.Classes.Count);
            foreach (string name in data.Classes)
            {
                writer.Write(name);
            }

            for (int row = 0; row < data.Rows; row++)
            {
                writer.Write(data.Ids[row]);
            }

            writer.Write(MemoryMarshal.AsBytes(data.Labels.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(data.Values.AsSpan()));
        }

        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The training set format is little-endian.");
        }

        return stream.ToArray();
    }

    /// <summary>Decodes <see cref="Encode"/> output; throws <see cref="InvalidDataException"/> with a sentence for anything else.</summary>
    public static LabelledFeatures Decode(ReadOnlySpan<byte> bytes, string blobName)
    {
        if (bytes.Length < 20 || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
        {
            throw new InvalidDataException($"The blob '{blobName}' is not a training set (bad magic).");
        }

        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            reader.ReadUInt32();
            int format = reader.ReadInt32();
            if (format != FormatVersion)
            {
                throw new InvalidDataException($"The training set '{blobName}' has format {format}; this build reads format {FormatVersion}.");
            }

            int rows = reader.ReadInt32();
            int columns = reader.ReadInt32();
            int classCount = reader.ReadInt32();
            var classes = new string[classCount];
            for (int i = 0; i < classCount; i++)
            {
                classes[i] = reader.ReadString();
            }

            var ids = new string[rows];
            for (int i = 0; i < rows; i++)
            {
                ids[i] = reader.ReadString();
            }

            var labels = new int[rows];
            reader.Read(MemoryMarshal.AsBytes(labels.AsSpan()));
            var values = new float[checked(rows * columns)];
            if (reader.Read(MemoryMarshal.AsBytes(values.AsSpan())) != values.Length * sizeof(float))
            {
                throw new InvalidDataException($"The training set '{blobName}' is truncated.");
            }

            return LabelledFeatures.FromArrays(values, columns, labels, classes, ids);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException($"The training set '{blobName}' is truncated.", ex);
        }
    }
}
