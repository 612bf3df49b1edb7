using TeamsPolicyBot;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Dialogs;

var builder = WebApplication.CreateBuilder(args);
builder.AddConnector<PolicyBot>();
builder.AddDialogs();

var app = builder.Build();
app.MapBot();
app.Run();

public partial class Program;
