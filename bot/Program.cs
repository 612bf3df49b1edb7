using TeamsPolicyBot;
using TeamsPolicyBot.Connector;

var builder = WebApplication.CreateBuilder(args);
builder.AddConnector<PolicyBot>();

var app = builder.Build();
app.MapBot();
app.Run();

public partial class Program;
