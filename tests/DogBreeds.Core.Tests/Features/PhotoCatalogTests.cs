using DogBreeds.Core.Features;
using DogBreeds.Core.Tests.Backbones;
using DogBreeds.Tests;

namespace DogBreeds.Core.Tests.Features;

public sealed class PhotoCatalogTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Write(string relative, string content)
    {
        var path = _folder.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Scan_FlatWithLabels_ReportsEveryProblem()
    {
        Write("photos/a.jpg", "photo a");
        Write("photos/b.jpg", "photo b");
        Write("photos/c.png", "photo a"); // same bytes as a.jpg, other breed
        Write("photos/d.jpg", "photo d"); // no label
        Write("photos/notes.txt", "not a photo");
        Write("photos/e.jpg", "photo e"); // empty breed
        var labels = Write("labels.csv", "id,breed\na,beagle\nb,samoyed\nc,dingo\ne,\nmissing,beagle\nb,dingo\n");

        var sut = PhotoCatalog.Scan(_folder.File("photos"), labels);

        Assert.Equal(["a", "c", "b", "d", "e"], sut.Photos.Select(p => p.Id));
        Assert.Equal(["beagle", "dingo", "samoyed", null, null], sut.Photos.Select(p => p.Breed));
        Assert.Equal(["beagle", "dingo", "samoyed"], sut.Breeds);
        var kinds = sut.Problems.Select(p => p.Kind).Order().ToList();
        Assert.Equal(
            [
                CatalogProblemKind.LabelWithoutPhoto,
                CatalogProblemKind.PhotoWithoutLabel,
                CatalogProblemKind.PhotoWithoutLabel,
                CatalogProblemKind.UnknownBreed,
                CatalogProblemKind.ConflictingLabels,
                CatalogProblemKind.SamePhotoDifferentBreeds,
                CatalogProblemKind.SkippedFile,
            ],
            kinds);
        Assert.Contains(sut.Problems, p => p.Kind == CatalogProblemKind.LabelWithoutPhoto && p.Message.Contains("'missing'", StringComparison.Ordinal));
        Assert.Contains(sut.Problems, p => p.Kind == CatalogProblemKind.SamePhotoDifferentBreeds && p.Message.Contains("a.jpg", StringComparison.Ordinal) && p.Message.Contains("c.png", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_FolderPerBreed_ReadsBreedsFromFolders()
    {
        Write("val/beagle/1.jpg", "one");
        Write("val/beagle/2.jpg", "two");
        Write("val/samoyed/3.jpg", "three");
        Directory.CreateDirectory(_folder.File("val/dingo"));
        Write("val/stray.jpg", "stray");
        Write("val/samoyed/readme.md", "text");

        var sut = PhotoCatalog.Scan(_folder.File("val"), labelsCsv: null);

        Assert.Equal(["1", "2", "3", "stray"], sut.Photos.Select(p => p.Id));
        Assert.Equal(["beagle", "beagle", "samoyed", null], sut.Photos.Select(p => p.Breed));
        Assert.Equal(
            [CatalogProblemKind.PhotoWithoutLabel, CatalogProblemKind.BreedWithoutPhotos, CatalogProblemKind.SkippedFile],
            sut.Problems.Select(p => p.Kind).Order());
    }

    [Fact]
    public void Scan_KnownBreeds_DropsUnknownAndReportsMissing()
    {
        Write("val/beagle/1.jpg", "one");
        Write("val/wolf/2.jpg", "two");

        var sut = PhotoCatalog.Scan(_folder.File("val"), labelsCsv: null, knownBreeds: ["beagle", "samoyed"]);

        Assert.Equal(["1"], sut.Photos.Select(p => p.Id));
        Assert.Contains(sut.Problems, p => p.Kind == CatalogProblemKind.UnknownBreed && p.Message.Contains("'wolf'", StringComparison.Ordinal));
        Assert.Contains(sut.Problems, p => p.Kind == CatalogProblemKind.BreedWithoutPhotos && p.Message.Contains("'samoyed'", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_LabelsWithoutColumns_ReportsBadLabelsFile()
    {
        Write("photos/a.jpg", "a");
        var labels = Write("labels.csv", "name,dog\na,beagle\n");

        var sut = PhotoCatalog.Scan(_folder.File("photos"), labels);

        Assert.Contains(sut.Problems, p => p.Kind == CatalogProblemKind.BadLabelsFile);
        Assert.Null(Assert.Single(sut.Photos).Breed);
    }

    [Fact]
    public void Scan_MissingFolder_ThrowsSentence()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => PhotoCatalog.Scan(_folder.File("nowhere"), null));

        Assert.Contains("nowhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_RealTrainAndVal_TenBreedsNoProblems()
    {
        var train = PhotoCatalog.Scan(DogPhotos.TrainDir, DogPhotos.LabelsCsv);
        var val = PhotoCatalog.Scan(DogPhotos.ValDir, labelsCsv: null);

        Assert.Equal(2000, train.Photos.Count);
        Assert.Equal(500, val.Photos.Count);
        Assert.Equal(10, train.Breeds.Count);
        Assert.Equal(train.Breeds, val.Breeds);
        Assert.Empty(train.Problems);
        Assert.Empty(val.Problems);
        Assert.All(train.Photos, p => Assert.NotNull(p.Breed));
    }
}
