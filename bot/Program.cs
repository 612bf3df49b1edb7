using TeamsPolicyBot;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Cli;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Guidance;
using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Welcome;

if (await PolicyCli.TryRunAsync(args) is int exitCode)
    return exitCode;

var builder = WebApplication.CreateBuilder(args);
builder.AddConnector<PolicyBot>();
builder.AddTableStorage();
builder.AddCards();
builder.AddDialogs();
builder.AddGuidance();
builder.AddWelcome();
builder.AddReminders();

var app = builder.Build();
app.MapBot();
app.Run();
return 0;

public partial class Program;
