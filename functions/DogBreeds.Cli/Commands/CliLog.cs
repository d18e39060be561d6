using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DogBreeds.Cli.Commands;

/// <summary>The CLI's logger: DogBreeds' own messages (execution-provider choice, cache repairs) on standard error.</summary>
internal static class CliLog
{
    private static readonly ILoggerFactory s_factory = LoggerFactory.Create(builder =>
    {
        builder.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddSimpleConsole(o => o.SingleLine = true);
        builder.AddFilter((category, level) => level >= LogLevel.Information && category?.StartsWith("DogBreeds", StringComparison.Ordinal) == true);
    });

    public static ILogger Create(string category) => s_factory.CreateLogger(category);
}
