using LabelStudio.Benchmarks;
using LabelStudio.Benchmarks.App;

var command = args.FirstOrDefault();
var options = new BenchArgs(args.Skip(1));
return command switch
{
    "al-round" => AlRoundBenchmark.Run(options),
    "al-simulate" => SimulateBenchmark.Run(options),
    "import" => await ImportBenchmark.RunAsync(options),
    "serve" => await ServeBenchmark.RunAsync(options),
    "dashboard" => await DashboardBenchmark.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: LabelStudio.Benchmarks al-round [--labels 1000] [--repeats 3] [--strategy margin]
                 [--reference PATH/al_bench.py] [--data DIR] [--warm]
                 [--tol T] [--l2 L] [--history H] [--max-iter N] [--threads N]
               LabelStudio.Benchmarks al-simulate [--rows 10000] [--strategy random,margin|all]
                 [--init 20] [--batch 50] [--rounds 20] [--test 0.3] [--seeds 0,1,2] [--diversity] [--json FILE]
               LabelStudio.Benchmarks import [--rows 100000] [--numbers 8] [--repeats 3]
               LabelStudio.Benchmarks serve [--rows 50000] [--numbers 40] [--annotators 20] [--labels 1000]
                 [--seconds 20] [--think-ms 250]
               LabelStudio.Benchmarks dashboard [--rows 100000] [--votes 2] [--repeats 5]
        """);
    return 2;
}
