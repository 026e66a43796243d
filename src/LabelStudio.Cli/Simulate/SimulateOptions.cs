using System.CommandLine;
using System.CommandLine.Parsing;
using LabelStudio.Ml;
using LabelStudio.Ml.Simulation;

namespace LabelStudio.Cli.Simulate;

/// <summary>The options of `simulate`, their defaults and help texts.</summary>
internal sealed class SimulateOptions
{
    public Option<string> Input { get; } = new("--input")
    {
        Description = "Fully labeled table (CSV, TSV or JSONL), or a folder of images or audio clips with one "
            + "subfolder per class.",
        HelpName = "file|folder",
        Required = true,
    };

    // Required for tables only, which CheckInputKind enforces once --input is known.
    public Option<string?> LabelColumn { get; } = new("--label-column")
    {
        Description = "Column holding the true class; it answers every query. Tables only.",
        HelpName = "name",
    };

    public Option<IReadOnlyList<string>?> Features { get; } = new("--features")
    {
        Description = "Comma-separated feature columns [default: all but the label and id columns]. Tables only.",
        HelpName = "list",
        Arity = ArgumentArity.ExactlyOne,
        CustomParser = OptionValues.Names("--features"),
    };

    public Option<string?> IdColumn { get; } = new("--id-column")
    {
        Description = "Column that only names rows, never a feature [default: detected by name]. Tables only.",
        HelpName = "name",
    };

    // Kept as text so help shows the default as typed; the validator rejects unknown names at parse time.
    public Option<string> Strategies { get; } = WithCheck(
        new Option<string>("--strategy")
        {
            Description = "random, least-confidence, margin, entropy, a comma-separated list, or all.",
            HelpName = "list",
            DefaultValueFactory = _ => "margin,random",
        },
        OptionValues.CheckStrategies);

    public Option<int> SeedSize { get; } =
        Count("--seed-size", SimulationOptions.AppRoundSize, 1,
            "Labels before the first model: a spread of the pool, as the app's cold start serves it.");

    public Option<int> Batch { get; } = Count("--batch", SimulationOptions.AppRoundSize, 1,
        "Labels revealed per round; the app's default round size.");

    public Option<int> Rounds { get; } = Count("--rounds", 20, 0, "Query rounds after the seed set.");

    public Option<double> TestFraction { get; } = new("--test-fraction")
    {
        Description = "Share of each class held out to measure accuracy; never queried.",
        HelpName = "fraction",
        CustomParser = OptionValues.OpenFraction("--test-fraction"),
        DefaultValueFactory = _ => 0.25,
    };

    public Option<IReadOnlyList<int>> Seeds { get; } = new("--seeds")
    {
        Description = "Comma-separated seeds; each draws its own test split and seed set.",
        HelpName = "list",
        Arity = ArgumentArity.ExactlyOne,
        CustomParser = OptionValues.Seeds("--seeds"),
        DefaultValueFactory = _ => [0],
    };

    public Option<string?> Json { get; } = new("--json")
    {
        Description = "Also write every run's learning curve to this file as JSON.",
        HelpName = "file",
    };

    public IEnumerable<Option> All =>
        [Input, LabelColumn, Features, IdColumn, Strategies, SeedSize, Batch, Rounds, TestFraction, Seeds, Json];

    public SimulateSettings Read(ParseResult parsed) => new(
        parsed.GetRequiredValue(Input),
        parsed.GetValue(LabelColumn),
        parsed.GetValue(Features),
        parsed.GetValue(IdColumn),
        QueryStrategyNames.ParseList(parsed.GetRequiredValue(Strategies)),
        parsed.GetValue(SeedSize),
        parsed.GetValue(Batch),
        parsed.GetValue(Rounds),
        parsed.GetValue(TestFraction),
        parsed.GetRequiredValue(Seeds),
        parsed.GetValue(Json));

    /// <summary>
    /// A table needs --label-column; a folder's subfolders are its classes, so column options do not apply.
    /// </summary>
    public void CheckInputKind(CommandResult result)
    {
        if (result.GetValue(Input) is not { } input)
        {
            return;
        }

        if (!Directory.Exists(input))
        {
            if (result.GetValue(LabelColumn) is null)
            {
                result.AddError("Option '--label-column' is required when --input is a table.");
            }

            return;
        }

        var columnOptions = new Option[] { LabelColumn, Features, IdColumn }
            .Where(o => result.GetResult(o) is not null)
            .Select(o => o.Name)
            .ToArray();
        if (columnOptions.Length > 0)
        {
            result.AddError($"{input} is a folder: its subfolders are the classes, so "
                + $"{string.Join(", ", columnOptions)} cannot be used.");
        }
    }

    private static Option<T> WithCheck<T>(Option<T> option, Action<OptionResult> check)
    {
        option.Validators.Add(check);
        return option;
    }

    private static Option<int> Count(string name, int fallback, int minimum, string description) => new(name)
    {
        Description = description,
        HelpName = "n",
        CustomParser = OptionValues.Integer(name, minimum),
        DefaultValueFactory = _ => fallback,
    };
}
