namespace DogBreeds.Functions.Tests.Infrastructure;

/// <summary>Tests over the one shared pipeline (one xunit collection) run one at a time (some of them move the current model).</summary>
[CollectionDefinition(Name)]
public sealed class PipelineGroup : ICollectionFixture<PipelineFixture>
{
    public const string Name = "Pipeline";
}
