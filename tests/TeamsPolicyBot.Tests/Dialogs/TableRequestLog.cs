using Azure.Core;
using Azure.Core.Pipeline;

namespace TeamsPolicyBot.Tests.Dialogs;

/// <summary>
/// A pipeline policy that records every table request the bot makes, and on demand holds the next few writes until
/// all of them have arrived, so the turns making them have all read the state first.
/// </summary>
public sealed class TableRequestLog : HttpPipelinePolicy
{
    private readonly List<string> _requests = [];
    private WriteGate? _gate;
    private Func<Task>? _beforeNextWrite;

    /// <summary>"GET devstoreaccount1/t…ConversationState(…)" and so on, in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    public IReadOnlyList<string> Writes => [.. Requests.Where(request => !request.StartsWith("GET ", StringComparison.Ordinal))];

    public void Clear()
    {
        lock (_requests)
            _requests.Clear();
    }

    /// <summary>The next <paramref name="count"/> writes each wait, before they are sent, until all have arrived.</summary>
    public void HoldWrites(int count) => _gate = new WriteGate(count);

    /// <summary>Runs <paramref name="action"/> (its own requests included) just before the next write is sent.</summary>
    public void BeforeNextWrite(Func<Task> action) => _beforeNextWrite = action;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (message.Request.Method != RequestMethod.Get)
        {
            if (Interlocked.Exchange(ref _beforeNextWrite, null) is { } action)
                await action();
            if (_gate is { } gate)
            {
                if (gate.Arrive())
                    _gate = null;
                await gate.AllArrived.WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        Record(message);
        await ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message)
    {
        lock (_requests)
            _requests.Add($"{message.Request.Method} {message.Request.Uri.Path}");
    }

    private sealed class WriteGate(int count)
    {
        private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public Task AllArrived => _allArrived.Task;

        /// <returns>True for the last of the writes.</returns>
        public bool Arrive()
        {
            if (Interlocked.Increment(ref _arrived) < count)
                return false;
            _allArrived.TrySetResult();
            return true;
        }
    }
}
