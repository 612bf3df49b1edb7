using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Connector;

/// <summary>When the host stops (a deployment, a scale-in), turns in flight still answer staff; new requests get 503.</summary>
public class ShutdownTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task StopAsync_TurnInFlight_WaitsAndReplyIsDelivered()
    {
        await using var connector = await FakeConnector.StartAsync();
        var slow = new SlowBot();
        await using var app = SlowApp(slow);
        var response = await app.PostActivityAsync(TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl));
        await slow.Started.WaitAsync(Patience);

        var stopping = app.Services.GetRequiredService<IHost>().StopAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var stoppedBeforeTurnEnded = stopping.IsCompleted;
        slow.Finish();
        await stopping.WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(stoppedBeforeTurnEnded, "The host stopped without waiting for the turn in flight");
        Assert.Equal(SlowBot.Reply, Assert.Single(await connector.WaitForRequestsAsync(1)).Text);
    }

    [Fact]
    public async Task PostActivity_WhileStopping_Returns503AndStartsNoTurn()
    {
        await using var connector = await FakeConnector.StartAsync();
        var slow = new SlowBot();
        await using var app = SlowApp(slow);
        var client = app.CreateClient();
        await app.PostActivityAsync(TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl));
        await slow.Started.WaitAsync(Patience);

        var stopping = app.Services.GetRequiredService<IHost>().StopAsync();
        var late = await client.PostAsync("/api/messages", JsonContent(TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl).ToJsonString()));
        slow.Finish();
        await stopping.WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, late.StatusCode);
        Assert.Equal(1, slow.TurnsStarted);
    }

    [Fact]
    public async Task StopAsync_TurnOutlastsShutdownTimeout_IsCancelledAndHostStops()
    {
        await using var connector = await FakeConnector.StartAsync();
        var stuck = new SlowBot();
        await using var app = SlowApp(stuck).WithSetting("Bot:ShutdownTimeout", "00:00:01");
        await app.PostActivityAsync(TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl));
        await stuck.Started.WaitAsync(Patience);

        await app.Services.GetRequiredService<IHost>().StopAsync().WaitAsync(Patience);

        await stuck.Cancelled.WaitAsync(Patience);
        Assert.Empty(connector.Requests);
    }

    private static BotApp SlowApp(SlowBot bot) => new BotApp()
        .WithSetting("Bot:ResponseDeadline", "00:00:00.200")
        .WithServices(services => services.AddSingleton<ActivityHandler>(bot));

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>Answers each message only when the test says so, with the turn's own cancellation token.</summary>
    private sealed class SlowBot : ActivityHandler
    {
        public const string Reply = "Sorry for the wait: here is your answer.";

        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _turnsStarted;

        public Task Started => _started.Task;
        public int TurnsStarted => _turnsStarted;
        public Task Cancelled => _cancelled.Task;

        public void Finish() => _finish.TrySetResult();

        protected override async Task OnMessageActivityAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _turnsStarted);
            _started.TrySetResult();
            try
            {
                await _finish.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                _cancelled.TrySetResult();
                throw;
            }
            await turn.SendTextAsync(Reply, cancellationToken);
        }
    }
}
