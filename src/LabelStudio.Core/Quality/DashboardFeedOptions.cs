namespace LabelStudio.Core.Quality;

/// <summary>How open dashboards follow their project (configuration section "Dashboard").</summary>
public sealed class DashboardFeedOptions
{
    public const string Section = "Dashboard";

    /// <summary>After a change, wait this long for the changes that come with it before rebuilding.</summary>
    public TimeSpan Settle { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>At least this long between two builds of one project's dashboard, however busy the team.</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The pause after a build is also at least this many times the build's own duration, so a large
    /// project's dashboard never takes more than a fraction of a core while labels keep coming.
    /// </summary>
    public double BuildTimeMultiple { get; set; } = 3;

    /// <summary>How often a project's stamp is read, to catch writes by another process (the CLI).</summary>
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a project's watch stays after its last dashboard closed, for one that opens again.</summary>
    public TimeSpan KeepAfterClose { get; set; } = TimeSpan.FromSeconds(15);
}
