using LabelStudio.Benchmarks;

var command = args.FirstOrDefault();
var options = new BenchArgs(args.Skip(1));
return command switch
{
    "al-round" => AlRoundBenchmark.Run(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: LabelStudio.Benchmarks al-round [--labels 1000] [--repeats 3] [--strategy margin]
                 [--reference PATH/al_bench.py] [--data DIR] [--warm]
                 [--tol T] [--l2 L] [--history H] [--max-iter N] [--threads N]
        """);
    return 2;
}
