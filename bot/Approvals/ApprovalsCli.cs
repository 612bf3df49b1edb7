using System.Globalization;
using TeamsPolicyBot.Cli;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Approvals;

/// <summary>
/// <c>export-approvals --from 2026-09-01 --to 2026-12-31 [--out file.csv]</c>: the approvals CSV for the policy lead,
/// read from the tables the bot is configured with (appsettings, environment, or <c>--Storage:ConnectionString …</c>).
/// </summary>
public static class ApprovalsCli
{
    public const string Verb = "export-approvals";

    private const string Usage = "usage: export-approvals --from <yyyy-mm-dd> --to <yyyy-mm-dd> [--out <file.csv>] [--Storage:<setting> <value>]...";

    /// <returns>The exit code when <paramref name="args"/> name this verb; null otherwise.</returns>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] != Verb) return null;
        output ??= Console.Out;
        error ??= Console.Error;
        try
        {
            var arguments = new CliArguments(args.Skip(1));
            var from = Date(arguments, "from");
            var to = Date(arguments, "to");
            if (from > to) throw new CliUsageException("--from must not be after --to");

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(args.Skip(1)
                .Zip(args.Skip(2))
                .Where(pair => pair.First.StartsWith("--Storage:", StringComparison.OrdinalIgnoreCase))
                .Select(pair => KeyValuePair.Create(pair.First[2..], (string?)pair.Second)));
            builder.AddTableStorage();
            builder.Services.AddSingleton<ApprovalRequestStore>();
            builder.Services.AddSingleton<ApprovalsExport>();
            await using var app = builder.Build();

            var (csv, count) = await app.Services.GetRequiredService<ApprovalsExport>().ExportAsync(from, to, academies: null, cancellationToken);
            if (arguments.Option("out") is { } file)
            {
                await File.WriteAllTextAsync(file, csv, cancellationToken);
                await error.WriteLineAsync($"{count} request(s) written to {file}");
            }
            else
            {
                await output.WriteAsync(csv);
            }
            return 0;
        }
        catch (CliUsageException e)
        {
            await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync(Usage);
            return 2;
        }
        catch (StorageUnavailableException e)
        {
            await error.WriteLineAsync($"Storage could not be reached: {e.Message}");
            return 1;
        }
    }

    private static DateOnly Date(CliArguments arguments, string name) =>
        arguments.Option(name) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliUsageException($"--{name} needs a date as yyyy-mm-dd");
}
