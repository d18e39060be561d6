using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace DogBreeds.Functions.Hosting;

/// <summary>
/// Builds the pipeline's <see cref="BlobServiceClient"/> from the <c>PhotoStorage</c> connection, read the
/// way the Functions host reads a binding connection: either a connection string (<c>PhotoStorage</c>,
/// e.g. <c>UseDevelopmentStorage=true</c> for Azurite) or identity-based settings
/// (<c>PhotoStorage__blobServiceUri</c>, optional <c>PhotoStorage__credential=managedidentity</c> and
/// <c>PhotoStorage__clientId</c>) authenticated with <see cref="DefaultAzureCredential"/>.
/// </summary>
public static class PhotoStorageConnection
{
    /// <summary>The connection name shared by the blob trigger and the app's own clients.</summary>
    public const string Name = "PhotoStorage";

    /// <summary>Creates the client, or throws with a sentence naming the missing or bad setting.</summary>
    public static BlobServiceClient CreateClient(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Name);
        var options = new BlobClientOptions();

        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            try
            {
                return new BlobServiceClient(section.Value, options);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                throw new InvalidOperationException(
                    $"The setting {Name} is not a valid storage connection string ({ex.Message}).", ex);
            }
        }

        string? serviceUri = section["blobServiceUri"] ?? AccountServiceUri(section["accountName"]);
        if (string.IsNullOrWhiteSpace(serviceUri))
        {
            throw new InvalidOperationException(
                $"The setting {Name} is missing: set {Name} to a storage connection string (UseDevelopmentStorage=true for Azurite) " +
                $"or {Name}__blobServiceUri to the blob endpoint for an identity-based connection.");
        }

        if (!Uri.TryCreate(serviceUri, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"The setting {Name}__blobServiceUri ('{serviceUri}') is not an absolute http(s) URL.");
        }

        var credentialOptions = new DefaultAzureCredentialOptions();
        string? clientId = section["clientId"];
        if (!string.IsNullOrWhiteSpace(clientId))
        {
            credentialOptions.ManagedIdentityClientId = clientId;
        }

        return new BlobServiceClient(uri, new DefaultAzureCredential(credentialOptions), options);
    }

    private static string? AccountServiceUri(string? accountName) =>
        string.IsNullOrWhiteSpace(accountName) ? null : $"https://{accountName}.blob.core.windows.net";
}
