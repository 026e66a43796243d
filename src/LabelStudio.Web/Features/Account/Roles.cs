namespace LabelStudio.Web.Features.Account;

/// <summary>The roles that exist from the first start.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Lead = "Lead";
    public const string Annotator = "Annotator";
    public const string DataScientist = "DataScientist";

    /// <summary>Who may create projects, edit settings, import and ask for a retrain.</summary>
    public const string Leads = Admin + "," + Lead;

    public static readonly IReadOnlyList<string> All = [Admin, Lead, Annotator, DataScientist];
}
