var n = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var b = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 16;
await DogBreeds.Cli.Bench.ExtractionBenchmark.RunAsync(args[0], n, Console.Out, batchSize: b);
return 0;
