using DogBreeds.Cli.Console;

namespace DogBreeds.Cli.Tests;

public sealed class ProgressBarTests
{
    [Fact]
    public void Advance_NotATerminal_PrintsPlainLinesEveryTenth()
    {
        var writer = new StringWriter();

        using (var sut = new ProgressBar("extract", 20, writer, interactive: false))
        {
            for (var i = 0; i < 20; i++)
            {
                sut.Advance();
            }
        }

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, lines.Length);
        Assert.StartsWith("extract: 20/20", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain('\r', writer.ToString());
    }
}
