using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace DogBreeds.Core.Features;

/// <summary>
/// Binary form of one feature vector, used for cache files and feature blobs: the 4 ASCII bytes
/// "DBFV", a little-endian int32 dimension, then the values as little-endian float32.
/// </summary>
public static class FeatureVectorCodec
{
    /// <summary>Bytes before the values.</summary>
    public const int HeaderLength = 8;

    /// <summary>Largest dimension accepted when decoding (16 M values).</summary>
    public const int MaxDimension = 1 << 24;

    private static ReadOnlySpan<byte> Magic => "DBFV"u8;

    /// <summary>Encodes a non-empty vector.</summary>
    public static byte[] Encode(ReadOnlySpan<float> features)
    {
        if (features.IsEmpty || features.Length > MaxDimension)
        {
            throw new ArgumentException($"A feature vector must hold 1 to {MaxDimension} values, not {features.Length}.", nameof(features));
        }

        var bytes = new byte[HeaderLength + (4 * features.Length)];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), features.Length);
        var values = bytes.AsSpan(HeaderLength);
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(features).CopyTo(values);
        }
        else
        {
            for (var i = 0; i < features.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(values[(4 * i)..], features[i]);
            }
        }

        return bytes;
    }

    /// <summary>Decodes a vector; throws <see cref="InvalidDataException"/> with a sentence for anything else.</summary>
    public static float[] Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderLength)
        {
            throw new InvalidDataException($"A feature vector is {bytes.Length} bytes, shorter than its {HeaderLength}-byte header.");
        }

        if (!bytes[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException("The data is not a feature vector: it does not start with \"DBFV\".");
        }

        var dimension = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (dimension <= 0 || dimension > MaxDimension)
        {
            throw new InvalidDataException($"A feature vector declares {dimension} values; 1 to {MaxDimension} are allowed.");
        }

        var expected = HeaderLength + (4L * dimension);
        if (bytes.Length != expected)
        {
            throw new InvalidDataException($"A feature vector of {dimension} values must be {expected} bytes, not {bytes.Length}.");
        }

        var features = new float[dimension];
        var values = bytes[HeaderLength..];
        if (BitConverter.IsLittleEndian)
        {
            values.CopyTo(MemoryMarshal.AsBytes(features.AsSpan()));
        }
        else
        {
            for (var i = 0; i < dimension; i++)
            {
                features[i] = BinaryPrimitives.ReadSingleLittleEndian(values[(4 * i)..]);
            }
        }

        return features;
    }
}
