using TeamsPolicyBot;
using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Cli;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Outgoing;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Guidance;
using TeamsPolicyBot.Guidance.Conversation;
using TeamsPolicyBot.PolicyLeads;
using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Telemetry;
using TeamsPolicyBot.Welcome;

if (await PolicyCli.TryRunAsync(args) is int exitCode)
    return exitCode;
if (await ApprovalsCli.TryRunAsync(args) is int exportExitCode)
    return exportExitCode;

// Settings, cards and packs ship beside the binary, wherever the bot is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddTelemetry();
builder.AddConnector<PolicyBot>();
builder.AddTableStorage();
builder.AddOutgoing();
builder.AddCards();
builder.AddDialogs();
builder.AddGuidance();
builder.AddGuidanceConversation();
builder.AddWelcome();
builder.AddApprovals();
builder.AddAcademies();
builder.AddPolicyLeads();
builder.AddReminders();

var app = builder.Build();
app.MapBot();
app.MapApprovals();
app.Run();
return 0;

public partial class Program;
