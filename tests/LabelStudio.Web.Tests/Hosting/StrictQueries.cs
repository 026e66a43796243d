using LabelStudio.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Hosting;

/// <summary>
/// A query that takes a slice without an order reads whatever rows SQLite meets first; in the app
/// that is only a logged warning, so the tests make it fail loudly.
/// </summary>
internal static class StrictQueries
{
    public static IServiceCollection AddStrictQueries(this IServiceCollection services) =>
        services.ConfigureDbContext<AppDbContext>(options => options.ConfigureWarnings(warnings =>
            warnings.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning)));
}
