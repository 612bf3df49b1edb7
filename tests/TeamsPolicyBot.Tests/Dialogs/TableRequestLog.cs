using Azure.Core;
using Azure.Core.Pipeline;

namespace TeamsPolicyBot.Tests.Dialogs;

/// <summary>
/// A pipeline policy that records every table request the bot makes, and on demand holds the next few reads until
/// all of them have their answers, so those turns work from the same stored state.
/// </summary>
public sealed class TableRequestLog : HttpPipelinePolicy
{
    private readonly List<string> _requests = [];
    private ReadGate? _gate;

    /// <summary>"GET /devstoreaccount1/t…ConversationState(…)" and so on, in order.</summary>
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

    /// <summary>The next <paramref name="count"/> reads each wait, after their answer, until all have theirs.</summary>
    public void HoldReads(int count) => _gate = new ReadGate(count);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        await ProcessNextAsync(message, pipeline);
        if (message.Request.Method == RequestMethod.Get && _gate is { } gate)
        {
            if (gate.Arrive())
                _gate = null;
            await gate.AllArrived.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    private void Record(HttpMessage message)
    {
        lock (_requests)
            _requests.Add($"{message.Request.Method} {message.Request.Uri.Path}");
    }

    private sealed class ReadGate(int count)
    {
        private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public Task AllArrived => _allArrived.Task;

        /// <returns>True for the last of the reads.</returns>
        public bool Arrive()
        {
            if (Interlocked.Increment(ref _arrived) < count)
                return false;
            _allArrived.TrySetResult();
            return true;
        }
    }
}
