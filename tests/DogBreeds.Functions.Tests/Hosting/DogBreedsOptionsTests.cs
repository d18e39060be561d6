using DogBreeds.Functions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DogBreeds.Functions.Tests.Hosting;

/// <summary>Start-up validation: a bad or missing setting stops the app with a sentence naming it.</summary>
public sealed class DogBreedsOptionsTests
{
    [Theory]
    [InlineData("DogBreeds:MaxUploadBytes", "0")]
    [InlineData("DogBreeds:ScoringTop", "500")]
    [InlineData("DogBreeds:ModelRefreshSeconds", "-1")]
    [InlineData("DogBreeds:SubmissionChunkSize", "0")]
    [InlineData("DogBreeds:Backbone", "no-such-backbone")]
    public async Task Start_BadSetting_StopsWithSentenceNamingIt(string setting, string value)
    {
        using var sut = BuildHost(new() { [setting] = value });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => sut.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnknownExecutionProvider_StopsNamingTheSetting()
    {
        using var sut = BuildHost(new() { ["DogBreeds:ExecutionProvider"] = "quantum" });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => sut.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("DogBreeds:ExecutionProvider", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_Defaults_StartsWithDocumentedValues()
    {
        using var sut = BuildHost([]);

        await sut.StartAsync(TestContext.Current.CancellationToken);
        var options = sut.Services.GetRequiredService<IOptions<DogBreedsOptions>>().Value;
        await sut.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal("resnet18", options.Backbone);
        Assert.Equal(10 * 1024 * 1024, options.MaxUploadBytes);
        Assert.Equal(5, options.ScoringTop);
    }

    [Fact]
    public void AddDogBreeds_NoPhotoStorage_ThrowsNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder().Build();

        var ex = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddDogBreeds(configuration));

        Assert.Contains("PhotoStorage", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateClient_IdentityBasedConnection_UsesBlobServiceUri()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PhotoStorage:blobServiceUri"] = "https://dogbreedsphotos.blob.core.windows.net",
            ["PhotoStorage:credential"] = "managedidentity",
            ["PhotoStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }).Build();

        var sut = PhotoStorageConnection.CreateClient(configuration);

        Assert.Equal("dogbreedsphotos", sut.AccountName);
        Assert.Equal(new Uri("https://dogbreedsphotos.blob.core.windows.net"), sut.Uri);
    }

    [Fact]
    public void CreateClient_MalformedConnectionString_ThrowsNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PhotoStorage"] = "this is not a connection string",
        }).Build();

        var ex = Assert.Throws<InvalidOperationException>(() => PhotoStorageConnection.CreateClient(configuration));

        Assert.Contains("PhotoStorage", ex.Message, StringComparison.Ordinal);
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["PhotoStorage"] = "UseDevelopmentStorage=true" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddDogBreeds(builder.Configuration);
        return builder.Build();
    }
}
