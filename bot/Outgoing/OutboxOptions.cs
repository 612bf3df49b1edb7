using System.ComponentModel.DataAnnotations;

namespace TeamsPolicyBot.Outgoing;

/// <summary>Configuration section <c>Outbox</c>: how the outbox worker looks for work and how it retries.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// How often each instance looks for messages that are due. Messages queued by an instance are sent by it at once;
    /// this bounds how long a message waits after a crash, a retry delay or another instance queuing it.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a worker holds a message it is sending before another instance may take it over. Longer than the two
    /// connector calls a 1:1 message takes (open the chat, post), each with its retries bounded by the HttpClient's
    /// 100 s, so a slow send is never sent twice at once.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sends (each with the connector's own retries) before a message is given up; the first try counts.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Tries of a message someone is waiting on (a safeguarding alert), so the sender hears soon if it cannot go.</summary>
    [Range(1, 50)]
    public int UrgentMaxAttempts { get; set; } = 4;

    /// <summary>The wait after the first failed try; it doubles after each (with up to a quarter more, at random).</summary>
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Messages one instance sends at once.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 16;

    internal IEnumerable<string> Problems()
    {
        if (PollInterval <= TimeSpan.Zero)
            yield return "Outbox:PollInterval must be positive.";
        if (LeaseDuration <= TimeSpan.Zero)
            yield return "Outbox:LeaseDuration must be positive.";
        if (FirstRetryAfter <= TimeSpan.Zero)
            yield return "Outbox:FirstRetryAfter must be positive.";
        if (MaxRetryAfter < FirstRetryAfter)
            yield return "Outbox:MaxRetryAfter must be at least Outbox:FirstRetryAfter.";
    }
}
