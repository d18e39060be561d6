namespace DogBreeds.Infra.Tests.Arm;

/// <summary>A string whose parts are known only in part before deployment; '*' stands for each unknown part.</summary>
internal sealed record PartlyKnown(string Pattern)
{
    public override string ToString() => Pattern;
}
