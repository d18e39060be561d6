using System.Text;

namespace DogBreeds.Core.Training;

/// <summary>
/// One trained member of the bagged ensemble: a logistic regression over a subset of the (kept,
/// standardised) features and the classes present in its bag. Immutable; serialisable to bytes so that
/// a durable activity can return it.
/// </summary>
public sealed class EnsembleMember
{
    private const uint Magic = 0x4D424744; // "DGBM" little-endian
    private const int FormatVersion = 1;

    /// <summary>Creates a member; arrays are owned by the member afterwards.</summary>
    /// <exception cref="ArgumentException">Shapes disagree.</exception>
    public EnsembleMember(int index, SgdLoss loss, int[] featureIndices, int[] classIndices, float[] weights, float[] intercepts, int epochs, double finalLoss, int bagRows)
    {
        ArgumentNullException.ThrowIfNull(featureIndices);
        ArgumentNullException.ThrowIfNull(classIndices);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(intercepts);
        if (featureIndices.Length == 0 || classIndices.Length == 0 || weights.Length != featureIndices.Length * classIndices.Length || intercepts.Length != classIndices.Length)
        {
            throw new ArgumentException(
                $"Ensemble member {index} has {weights.Length} weights and {intercepts.Length} intercepts for {classIndices.Length} classes x {featureIndices.Length} features.",
                nameof(weights));
        }

        Index = index;
        Loss = loss;
        FeatureIndices = featureIndices;
        ClassIndices = classIndices;
        Weights = weights;
        Intercepts = intercepts;
        Epochs = epochs;
        FinalLoss = finalLoss;
        BagRows = bagRows;
    }

    /// <summary>Member index in the ensemble (its seed derives from the run seed and this index).</summary>
    public int Index { get; }

    /// <summary>How scores become probabilities.</summary>
    public SgdLoss Loss { get; }

    /// <summary>Positions into the model's kept (variance-filtered) features that this member reads.</summary>
    public int[] FeatureIndices { get; }

    /// <summary>Model class indices this member predicts (those present in its bag), ascending.</summary>
    public int[] ClassIndices { get; }

    /// <summary>Weights, ClassIndices.Length x FeatureIndices.Length, row-major.</summary>
    public float[] Weights { get; }

    /// <summary>Intercept per member class.</summary>
    public float[] Intercepts { get; }

    /// <summary>Epochs run before stopping.</summary>
    public int Epochs { get; }

    /// <summary>Mean (weighted) training loss of the last epoch.</summary>
    public double FinalLoss { get; }

    /// <summary>Photos drawn into the bag (with repeats when bootstrapping).</summary>
    public int BagRows { get; }

    /// <summary>Binary form (little-endian): magic, version, header fields, then the arrays.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Index);
            writer.Write((int)Loss);
            writer.Write(Epochs);
            writer.Write(FinalLoss);
            writer.Write(BagRows);
            WriteInts(writer, FeatureIndices);
            WriteInts(writer, ClassIndices);
            WriteFloats(writer, Weights);
            WriteFloats(writer, Intercepts);
        }

        return stream.ToArray();
    }

    /// <summary>Reads <see cref="ToBytes"/> output.</summary>
    /// <exception cref="FormatException">The bytes are not an ensemble member of a known version.</exception>
    public static EnsembleMember FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (reader.ReadUInt32() != Magic)
            {
                throw new FormatException("The bytes are not an ensemble member (wrong magic number).");
            }

            var version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw new FormatException($"Ensemble member format version {version} is not supported; this build reads version {FormatVersion}.");
            }

            var index = reader.ReadInt32();
            var loss = (SgdLoss)reader.ReadInt32();
            var epochs = reader.ReadInt32();
            var finalLoss = reader.ReadDouble();
            var bagRows = reader.ReadInt32();
            var features = ReadInts(reader);
            var classes = ReadInts(reader);
            var weights = ReadFloats(reader);
            var intercepts = ReadFloats(reader);
            return new EnsembleMember(index, loss, features, classes, weights, intercepts, epochs, finalLoss, bagRows);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or OverflowException)
        {
            throw new FormatException($"The ensemble member bytes are truncated or inconsistent: {e.Message}", e);
        }
    }

    private static void WriteInts(BinaryWriter writer, int[] values)
    {
        writer.Write(values.Length);
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        writer.Write(values.Length);
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    private static int[] ReadInts(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > reader.BaseStream.Length)
        {
            throw new ArgumentException($"Array length {count} is impossible.");
        }

        var values = new int[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadInt32();
        }

        return values;
    }

    private static float[] ReadFloats(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > reader.BaseStream.Length)
        {
            throw new ArgumentException($"Array length {count} is impossible.");
        }

        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadSingle();
        }

        return values;
    }
}
