using System.CommandLine;
using DogBreeds.Cli.Commands;

var root = new RootCommand("dogbreeds: photos -> bottleneck features -> bagged SGD ensemble -> breeds.")
{
    TrainCommand.Create(),
    EvaluateCommand.Create(),
    PredictCommand.Create(),
    SubmitCommand.Create(),
    ExtractCommand.Create(),
    BenchCommand.Create(),
};
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
