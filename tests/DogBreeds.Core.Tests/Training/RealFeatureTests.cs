using DogBreeds.Core.Backbones;
using DogBreeds.Core.Features;
using DogBreeds.Core.Tests.Backbones;
using DogBreeds.Tests;

namespace DogBreeds.Core.Tests.Training;

/// <summary>
/// The recipe on real photos, through the core alone: ResNet18 features of <c>train/</c> (Kaggle layout)
/// and <c>val/</c> (folder per breed), default training options, and the targets.
/// </summary>
public sealed class RealFeatureTests(ResNet18Fixture fixture) : IClassFixture<ResNet18Fixture>
{
    [Fact]
    public async Task Train_RealResNet18Features_MeetsAccuracyLogLossAndNotDogTargets()
    {
        var train = await ExtractAsync(PhotoCatalog.Scan(DogPhotos.TrainDir, DogPhotos.LabelsCsv).Labelled);
        var validation = await ExtractAsync(PhotoCatalog.Scan(DogPhotos.ValDir, null).Labelled);
        var notDogs = await ExtractAsync(Directory.GetFiles(DogPhotos.NotDogsDir).Order(StringComparer.Ordinal)
            .Select(p => new CatalogPhoto(p, Path.GetFileNameWithoutExtension(p), validation.Classes[0])));

        var (model, report) = RealFeatureTargets.AssertMeetsTargets(train, validation, notDogs.WithClasses(validation.Classes));

        Assert.Equal(train.Classes, model.Classes);
        Assert.Equal(500, report.Count);
        Assert.Equal(2000, train.Rows);
    }

    private async Task<LabelledFeatures> ExtractAsync(IEnumerable<CatalogPhoto> photos)
    {
        var list = photos.ToList();
        var byPath = new Dictionary<string, float[]>(StringComparer.Ordinal);
        await foreach (var result in fixture.Extractor.ExtractAllAsync(list.Select(p => PhotoInput.FromFile(p.Path)), cache: null, TestContext.Current.CancellationToken))
        {
            Assert.True(result.Features is not null, result.Error);
            byPath[result.Name] = result.Features;
        }

        return LabelledFeatures.Create([.. list.Select(p => (p.Id, p.Breed!, byPath[p.Path]))]);
    }
}
