using LabelStudio.Benchmarks;
using LabelStudio.Benchmarks.Api;
using LabelStudio.Benchmarks.App;
using LabelStudio.Benchmarks.Images;

var command = args.FirstOrDefault();
var options = new BenchArgs(args.Skip(1));
return command switch
{
    "al-round" => AlRoundBenchmark.Run(options),
    "al-simulate" => SimulateBenchmark.Run(options),
    "audio-features" => AudioFeaturesBenchmark.Run(options),
    "audio-import" => await AudioImportBenchmark.RunAsync(options),
    "import" => await ImportBenchmark.RunAsync(options),
    "serve" => await ServeBenchmark.RunAsync(options),
    "keypress" => await KeyPressBenchmark.RunAsync(options),
    "embed" => EmbedBenchmark.Run(options),
    "image-simulate" => ImageSimulateBenchmark.Run(options),
    "estimate" => EstimateBenchmark.Run(options),
    "export" => await ExportBenchmark.RunAsync(options),
    "api" => await ApiBenchmark.RunAsync(options),
    "dashboard" => await DashboardBenchmark.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: LabelStudio.Benchmarks al-round [--labels 1000] [--repeats 3] [--strategy margin]
                 [--reference PATH/al_bench.py] [--data DIR] [--warm]
                 [--features resnet|fallback --rows 20000 --size 64 --cache DIR]
                 [--tol T] [--l2 L] [--history H] [--max-iter N] [--threads N]
               LabelStudio.Benchmarks al-simulate [--rows 10000] [--strategy random,margin|all]
                 [--init 20] [--batch 20] [--rounds 20] [--test 0.3] [--seeds 0,1,2] [--l2 1]
                 [--diversity [only]] [--json FILE]
               LabelStudio.Benchmarks audio-features [--folder samples/spoken-language] [--repeats 3] [--media]
               LabelStudio.Benchmarks audio-import [--folder samples/spoken-language] [--repeats 3]
               LabelStudio.Benchmarks import [--rows 100000] [--numbers 8] [--repeats 3]
               LabelStudio.Benchmarks serve [--rows 50000] [--numbers 40] [--annotators 20] [--labels 1000]
                 [--seconds 20] [--think-ms 250] [--no-retrain] [--breakdown [--allocations]]
               LabelStudio.Benchmarks keypress [--rows 500000] [--numbers 4] [--imported-labels 0] [--labels 200]
                 [--presses 300] [--keep]
               LabelStudio.Benchmarks embed [--kind photo|fashion] [--images 400] [--size 224|64]
                 [--batch 16] [--threads N] [--repeats 3] [--fallback]
                 [--photos a.jpg,b.jpg]
               LabelStudio.Benchmarks image-simulate [--features resnet|fallback] [--size 64] [--cache DIR]
                 and the options of al-simulate
               LabelStudio.Benchmarks export [--rows 100000] [--numbers 8] [--repeats 3]
               LabelStudio.Benchmarks api [--rows 20000] [--numbers 8] [--clients 20] [--labels 200]
                 [--seconds 20] [--think-ms 250] [--web PATH/LabelStudio.Web.dll]
               LabelStudio.Benchmarks dashboard [--rows 100000] [--votes 2] [--repeats 5] [--live-seconds 20]
        """);
    return 2;
}
