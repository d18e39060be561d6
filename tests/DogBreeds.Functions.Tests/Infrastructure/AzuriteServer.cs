using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;

namespace DogBreeds.Functions.Tests.Infrastructure;

/// <summary>
/// A real Azurite blob service for the tests: started from the repository's <c>node_modules</c> (npm ci
/// installs the version pinned in package.json) on a free port with a temporary location, and killed on
/// dispose. Two accounts: the well-known <c>devstoreaccount1</c> for the pipeline and
/// <see cref="EmptyAccount"/>, which never gets a model (for the 503 answers).
/// <c>AZURITE_BLOB_URL</c> (e.g. http://127.0.0.1:10000) or <c>AZURITE_CONNECTION_STRING</c> use a running one
/// instead (start it with <c>AZURITE_ACCOUNTS</c> naming both accounts).
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    public const string MainAccount = "devstoreaccount1";
    public const string EmptyAccount = "dogbreedsempty";
    private const string WellKnownKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process? _process;
    private readonly string? _location;
    private readonly string _blobEndpoint;

    private AzuriteServer(Process? process, string? location, string blobEndpoint)
    {
        _process = process;
        _location = location;
        _blobEndpoint = blobEndpoint.TrimEnd('/');
    }

    /// <summary>Connection string of an account of this server.</summary>
    public string ConnectionString(string account = MainAccount)
    {
        string? given = Environment.GetEnvironmentVariable("AZURITE_CONNECTION_STRING");
        if (account == MainAccount && !string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        return $"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={WellKnownKey};BlobEndpoint={_blobEndpoint}/{account};";
    }

    /// <summary>A client of an account of this server.</summary>
    public BlobServiceClient Client(string account = MainAccount) => new(ConnectionString(account));

    public static async Task<AzuriteServer> StartAsync()
    {
        string? url = Environment.GetEnvironmentVariable("AZURITE_BLOB_URL");
        if (!string.IsNullOrWhiteSpace(url))
        {
            return new AzuriteServer(null, null, url);
        }

        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("AZURITE_CONNECTION_STRING")))
        {
            return new AzuriteServer(null, null, "http://127.0.0.1:10000");
        }

        string main = Path.Combine(RepositoryRoot.Path, "node_modules", "azurite", "dist", "src", "blob", "main.js");
        if (!File.Exists(main))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {main}: run `npm ci` in the repository root (package.json pins it), or set AZURITE_BLOB_URL.");
        }

        int port = FreePort();
        string location = Directory.CreateTempSubdirectory("dogbreeds-azurite-").FullName;
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { main, "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--location", location, "--skipApiVersionCheck", "--loose", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["AZURITE_ACCOUNTS"] = $"{MainAccount}:{WellKnownKey};{EmptyAccount}:{WellKnownKey}";
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new AzuriteServer(process, location, $"http://127.0.0.1:{port}");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(200);
            }
            catch (SocketException)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"Azurite did not listen on port {port} within 60 s (exited: {process.HasExited}).");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        if (_location is not null)
        {
            try
            {
                Directory.Delete(_location, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
