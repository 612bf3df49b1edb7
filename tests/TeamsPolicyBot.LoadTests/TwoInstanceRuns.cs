using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Outgoing;
using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.LoadTests;

/// <summary>
/// Two instances of our bot on one Azurite behind a <see cref="RoundRobinFront"/>, as App Service runs them when it
/// scales out. Prints what users would notice: dialogs that lose their place when a turn reaches the other instance,
/// racing approvals that record two decisions or show approvers different outcomes, reminders posted twice or not at
/// all (also with one instance killed mid-campaign), and background jobs that run on both.
/// </summary>
public static partial class TwoInstanceRuns
{
    private const string AdminAadObjectId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private const string RequesterAadObjectId = "6f1c3e2a-9b8d-4c7e-a1f0-5d4b3c2a1e0f";
    private const int Conversations = 100;
    private const int CampaignTeams = 40;
    private const int KillCampaignTeams = 150;

    // What the instances log: PeriodicJob's turn (at Debug for the sweeper), CampaignRunner preparing a campaign, and
    // MessagesEndpoint answering Teams before a turn ended.
    private const string SweepRan = "ConversationStateSweeper runs on this instance";
    private const string CampaignPrepared = "sending to";
    private const string AnsweredEarly = "continues in the background";

    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    private static readonly IReadOnlyList<string> Approvers = [.. Enumerable.Range(1, 40).Select(i => $"3d5e7f90-1a2b-4c3d-8e9f-{i:D12}")];

    /// <summary>What both instances run with: storage in tables of their own, short intervals, and 40 approvers.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Storage__TablePrefix"] = "twoa",
        ["Approvals__Approvers"] = string.Join(',', Approvers),
        ["Admin__Users"] = AdminAadObjectId,
        ["Dialogs__SweepInterval"] = SweepInterval.ToString(),
        ["Reminders__CheckInterval"] = "00:00:01",
        ["Reminders__LeaseDuration"] = "00:00:05",
        ["Reminders__MessagesPerSecond"] = "20",
        ["Reminders__RetryDelay"] = "00:00:01",
        ["Reminders__NudgeAfterDays"] = "0",
        ["Logging__LogLevel__TeamsPolicyBot.Dialogs.ConversationStateSweeper"] = "Debug",
    };

    public static async Task RunAsync(TestBed bed)
    {
        Console.WriteLine("Two instances: two bot processes on one Azurite behind a round-robin front");
        bed.Connector.Record();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };

        var prompting = await PromptingQuestionsAsync(bed, http);
        var first = bed.Ours;
        using (var second = await bed.StartAnotherAsync("second"))
        {
            var bothUp = Watch(first, second);
            await using var front = await RoundRobinFront.StartAsync([first, second]);
            var tables = Tables(bed);
            await DialogsAsync(bed, front, http, prompting, [first, second]);
            await RacingApprovalsAsync(bed, front, http, tables);
            await CampaignAsync(bed, front, http, tables, [first, second], CampaignTeams, kill: false);
            Sweeps(bothUp, first, second);
        }

        // A second campaign needs tables of its own (one campaign per pack and year).
        bed.Settings["Storage__TablePrefix"] = "twob";
        await bed.RestartOursAsync();
        using (var second = await bed.StartAnotherAsync("second"))
        {
            var first2 = bed.Ours;
            Watch(first2, second);
            await using var front = await RoundRobinFront.StartAsync([first2, second]);
            await CampaignAsync(bed, front, http, Tables(bed), [first2, second], KillCampaignTeams, kill: true);
            Console.WriteLine($"  requests the front passed over to the survivor: {front.PassedOver}");
        }
    }

    private static DateTime Watch(params BotProcess[] bots)
    {
        foreach (var bot in bots)
        {
            bot.Watch(SweepRan);
            bot.Watch(CampaignPrepared);
            bot.Watch(AnsweredEarly);
        }
        return DateTime.UtcNow;
    }

    private static BotTables Tables(TestBed bed) =>
        new(new TableServiceClient(bed.Azurite.ConnectionString, TableClientDefaults.Create()), bed.Settings["Storage__TablePrefix"]);

    /// <summary>
    /// Questions our bot answers with a question back (a choice prompt), asked of one instance directly: the pack's from
    /// tests/eval, and two that leave out who is asking or how old they are.
    /// </summary>
    private static async Task<IReadOnlyList<string>> PromptingQuestionsAsync(TestBed bed, HttpClient http)
    {
        var prompting = new List<string>();
        string[] leaveSomethingOut =
        [
            "A former pupil sent me a friend request on Instagram. Can I accept it?",
            "Someone sent me a friend request on Facebook. Can I accept it?",
        ];
        foreach (var question in LoadActivities.Questions(bed.RepositoryRoot, bed.Pack).Concat(leaveSomethingOut))
        {
            var (_, reply) = await SayAsync(bed, http, bed.Ours.MessagesUrl, $"a:probe-{Guid.NewGuid():N}", "probe", question);
            if (reply is { IsGuidanceAnswer: false } && FirstChoice(reply.Body) is not null)
                prompting.Add(question);
        }
        return prompting.Count > 0
            ? prompting
            : throw new InvalidOperationException($"The bot asked nothing back for any of the {bed.Pack} questions.");
    }

    private static async Task DialogsAsync(TestBed bed, RoundRobinFront front, HttpClient http, IReadOnlyList<string> prompting, BotProcess[] bots)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var sentBefore = bed.Connector.Sent.Count;
        var started = Stopwatch.GetTimestamp();
        var dialogs = await Task.WhenAll(Enumerable.Range(0, Conversations).Select(c =>
            DialogAsync(bed, front, http, $"a:{run}-two-{c}", $"{run}-member-{c}", prompting[c % prompting.Count])));
        var replies = bed.Connector.Sent.Skip(sentBefore).Where(s => s.Conversation?.StartsWith($"a:{run}-two-", StringComparison.Ordinal) == true).ToList();
        var crossed = replies.Count(r => TextOf(r.Body) == DialogManager.MessagesCrossedText);
        var notCaught = replies.Count(r => r.Body.Contains("catch that", StringComparison.Ordinal));
        Console.WriteLine($"  dialogs: {Conversations} conversations, each a question the bot asks back about and the answer to it, {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        Console.WriteLine($"    turns {dialogs.Sum(d => d.Turns)}, of which continued on the other instance than the turn before {dialogs.Sum(d => d.Switched)}; conversations that switched instance {dialogs.Count(d => d.Switched > 0)}");
        Console.WriteLine($"    answered {dialogs.Count(d => d.Answered)} of {Conversations}; lost turns (no reply) {dialogs.Count(d => d.Lost)}; \"messages crossed\" {crossed}; \"didn't catch that\" {notCaught}; other replies {dialogs.Count(d => d.Other is not null)}");
        Console.WriteLine($"    turns answered before they ended (past Bot:ResponseDeadline, so the next could overtake their save): {string.Join(", ", bots.Select(b => $"{b.Name} {b.Seen(AnsweredEarly).Count}"))}; requests the front passed over {front.PassedOver}");
        if (dialogs.FirstOrDefault(d => d.Other is not null) is { Other: { } other })
            Console.WriteLine($"    an other reply: {other[..Math.Min(300, other.Length)]}");
    }

    private static async Task<DialogRun> DialogAsync(TestBed bed, RoundRobinFront front, HttpClient http, string conversation, string member, string question)
    {
        var text = question;
        string? previous = null;
        var switched = 0;
        for (var turn = 1; turn <= 5; turn++)
        {
            var (instance, reply) = await SayAsync(bed, http, front.MessagesUrl, conversation, member, text);
            if (previous is not null && instance != previous)
                switched++;
            previous = instance;
            if (reply is null)
                return new DialogRun(turn, switched, Answered: false, Lost: true, Other: null);
            if (reply.IsGuidanceAnswer)
                return new DialogRun(turn, switched, Answered: true, Lost: false, Other: null);
            if (reply.Contains("catch that") || FirstChoice(reply.Body) is not { } choice)
                return new DialogRun(turn, switched, Answered: false, Lost: false, Other: reply.Body);
            text = choice;
        }
        return new DialogRun(5, switched, Answered: false, Lost: false, Other: "still asking after five turns");
    }

    private sealed record DialogRun(int Turns, int Switched, bool Answered, bool Lost, string? Other);

    /// <summary>40 approvers press approve or reject on one request at once, through the front, so half reach each instance.</summary>
    private static async Task RacingApprovalsAsync(TestBed bed, RoundRobinFront front, HttpClient http, BotTables tables)
    {
        var (_, submitted) = await InvokeAsync(http, front.MessagesUrl, bed.Activities.CardAction($"a:requester-{Guid.NewGuid():N}", RequesterAadObjectId, ApprovalVerbs.SubmitPost, LoadActivities.PostForm()));
        if ((string?)submitted?["value"]?["refresh"]?["action"]?["data"]?["requestId"] is not { } requestId)
        {
            Console.WriteLine($"  racing approvals: FAILED, the submission was not accepted: {submitted?.ToJsonString()}");
            return;
        }
        // The approvers' cards are posted by the outbox, after the submission's answer: they click what they received.
        await OutboxEmptiedAsync(tables);

        var clicks = await Task.WhenAll(Approvers.Select((approver, i) => InvokeAsync(http, front.MessagesUrl, bed.Activities.CardAction(
            $"a:approver-{i}-{Guid.NewGuid():N}", approver, ApprovalVerbs.Decide,
            new JsonObject { ["requestId"] = requestId, ["decision"] = i % 2 == 0 ? "approve" : "reject", ["comment"] = $"comment {i}" },
            name: $"Approver {i + 1}"))));

        var stored = (await new ApprovalRequestStore(tables).GetAsync(requestId, CancellationToken.None))!.Request;
        var decisions = (await new ApprovalAuditLog(tables).EntriesForAsync(requestId, CancellationToken.None))
            .Count(e => e.Action is AuditActions.Approved or AuditActions.Rejected);
        var winners = clicks.Count(c => (string?)c.Body?["type"] == "application/vnd.microsoft.card.adaptive");
        var toldWho = $"This request was already {stored.Status} by {stored.DecidedBy?.Name} on {ApprovalCards.When(stored.DecidedAt)}.";
        var losersTold = clicks.Count(c => c.Body?["value"] is JsonValue value && value.TryGetValue<string>(out var told) && told == toldWho);
        var outcome = $"{(stored.Status == ApprovalStatus.Approved ? "Approved" : "Rejected")} by {stored.DecidedBy?.Name}";
        await OutboxEmptiedAsync(tables);
        var copies = await new ApprovalCardStore(tables).CopiesOfAsync(requestId, CancellationToken.None);
        var shown = await CopiesShownAsync(bed.Connector, copies);

        Console.WriteLine($"  racing approvals: {Approvers.Count} approvers at once ({string.Join(", ", clicks.GroupBy(c => c.Instance).Select(g => $"{g.Count()} on {g.Key}"))}); request now {stored.Status} by {stored.DecidedBy?.Name}");
        Console.WriteLine($"    decisions stored {decisions}; clickers told they decided {winners}; told who decided first {losersTold} of {clicks.Length - winners}");
        Console.WriteLine($"    card copies (each approver's and the requester's) showing \"{outcome}\": {shown.Count(s => s?.StartsWith(outcome, StringComparison.Ordinal) == true)} of {copies.Count}; showing another outcome {shown.Count(s => s is not null && !s.StartsWith(outcome, StringComparison.Ordinal))}; not updated {shown.Count(s => s is null)}");
    }

    /// <summary>Waits up to 30 s for the outbox to send everything queued in it.</summary>
    private static async Task OutboxEmptiedAsync(BotTables tables)
    {
        var outbox = tables.GetTableClient(OutboxStore.TableName);
        var deadline = Stopwatch.GetTimestamp() + 30 * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                var queued = false;
                await foreach (var _ in outbox.QueryAsync<TableEntity>(maxPerPage: 1))
                {
                    queued = true;
                    break;
                }
                if (!queued)
                    return;
            }
            catch (RequestFailedException ex) when (ex.IsTableMissing())
            {
                return;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Each copy's outcome line ("Approved by …") as its latest update shows it, waiting up to 30 s for every copy's update.</summary>
    private static async Task<IReadOnlyList<string?>> CopiesShownAsync(RecordingConnector connector, IReadOnlyList<CardCopy> copies)
    {
        var deadline = Stopwatch.GetTimestamp() + 30 * Stopwatch.Frequency;
        while (true)
        {
            var latest = connector.Sent.Where(s => s.Method == "PUT")
                .GroupBy(s => string.Join('/', s.Path))
                .ToDictionary(g => g.Key, g => Outcome().Match(g.Last().Body) is { Success: true } m ? m.Value : "");
            var shown = copies.Select(c => latest.GetValueOrDefault($"v3/conversations/{c.ConversationId}/activities/{c.ActivityId}")).ToList();
            if (shown.All(s => s is not null) || Stopwatch.GetTimestamp() > deadline)
                return shown;
            await Task.Delay(200);
        }
    }

    [GeneratedRegex("(Approved|Rejected) by [^\"]+? on")]
    private static partial Regex Outcome();

    /// <summary>
    /// Installs the bot in <paramref name="teams"/> teams (both of Teams' announcements, through the front), starts the
    /// year's campaign, and counts reminders per target at the connector. With <paramref name="kill"/>, the instance
    /// sending is killed with SIGKILL once a third of the targets have theirs.
    /// </summary>
    private static async Task CampaignAsync(TestBed bed, RoundRobinFront front, HttpClient http, BotTables tables, BotProcess[] bots, int teams, bool kill)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var teamIds = Enumerable.Range(0, teams).Select(t => $"19:{run}-team-{t}@thread.tacv2").ToList();
        var sentBefore = bed.Connector.Sent.Count;
        await Parallel.ForEachAsync(teamIds, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (teamId, _) =>
        {
            var (update, installation) = bed.Activities.AddedToTeam(teamId, $"School {teamId}");
            await Task.WhenAll(InvokeAsync(http, front.MessagesUrl, update), InvokeAsync(http, front.MessagesUrl, installation));
        });
        var (_, started) = await SayAsync(bed, http, front.MessagesUrl, $"a:{run}-admin", AdminAadObjectId, "start reminder campaign now");
        Console.WriteLine($"  reminder campaign{(kill ? ", one instance killed mid-campaign" : "")}: installed in {teams} teams; the administrator was told: {Quote(started)}");

        var store = new CampaignStore(tables);
        var clock = Stopwatch.StartNew();
        string? killed = null;
        long killedAt = 0;
        var postedAtKill = 0;
        Campaign? campaign = null;
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            campaign = await store.LatestAsync(CancellationToken.None);
            if (campaign?.Status == Campaign.Complete)
                break;
            if (kill && killed is null && campaign?.Status == Campaign.Sending)
            {
                var targets = await CountAsync(store.DeliveriesAsync(campaign.Id, CancellationToken.None));
                var posted = Reminders(bed.Connector, sentBefore).Count;
                if (posted >= targets / 3 && bots.FirstOrDefault(b => b.Seen(CampaignPrepared).Count > 0) is { } sending)
                {
                    sending.Kill();
                    (killed, killedAt, postedAtKill) = ($"{sending.Name} (pid {sending.Id})", Stopwatch.GetTimestamp(), posted);
                }
            }
            await Task.Delay(100);
        }
        if (campaign is null)
        {
            Console.WriteLine("    FAILED: no campaign was started");
            return;
        }

        var deliveries = new List<Delivery>();
        await foreach (var delivery in store.DeliveriesAsync(campaign.Id, CancellationToken.None))
            deliveries.Add(delivery);
        var reminders = Reminders(bed.Connector, sentBefore);
        var perTarget = reminders.GroupBy(r => r.Conversation!).ToDictionary(g => g.Key, g => g.Count());
        var postedTo = deliveries.Select(d => perTarget.GetValueOrDefault(d.ConversationId)).ToList();
        var welcomes = bed.Connector.Sent.Skip(sentBefore)
            .Where(s => s.IsNewPost && teamIds.Contains(s.Conversation!) && !s.Body.Contains(ReminderCard.AcknowledgeVerb, StringComparison.Ordinal))
            .GroupBy(s => s.Conversation).ToList();
        var sentBy = bots.Where(b => b.Seen(CampaignPrepared).Count > 0).Select(b => b.Name);

        Console.WriteLine($"    campaign {campaign.Status} after {clock.Elapsed.TotalSeconds:0.0} s; prepared by {string.Join(" and ", sentBy)}");
        if (killed is not null)
        {
            var after = reminders.Where(r => r.ArrivedAt > killedAt).Select(r => r.ArrivedAt).DefaultIfEmpty().Min();
            Console.WriteLine($"    killed {killed} with SIGKILL after {postedAtKill} reminders; the survivor's first reminder {(after == 0 ? "never came" : $"{Stopwatch.GetElapsedTime(killedAt, after).TotalSeconds:0.0} s later")}");
        }
        Console.WriteLine($"    targets {deliveries.Count}: posted once {postedTo.Count(n => n == 1)}, twice or more {postedTo.Count(n => n > 1)} ({postedTo.Sum(n => Math.Max(0, n - 1))} duplicates), never {postedTo.Count(n => n == 0)}; deliveries not recorded as sent {deliveries.Count(d => d.Status != Delivery.Sent)}");
        Console.WriteLine($"    reminders to conversations that are not targets {perTarget.Keys.Except(deliveries.Select(d => d.ConversationId)).Sum(c => perTarget[c])}");
        Console.WriteLine($"    welcome cards (each install announced twice, the two through the front): teams welcomed once {welcomes.Count(w => w.Count() == 1)}, more than once {welcomes.Count(w => w.Count() > 1)}, never {teams - welcomes.Count}");
    }

    private static List<Sent> Reminders(RecordingConnector connector, int sentBefore) =>
        [.. connector.Sent.Skip(sentBefore).Where(s => s.IsNewPost && s.Body.Contains(ReminderCard.AcknowledgeVerb, StringComparison.Ordinal))];

    private static async Task<int> CountAsync<T>(IAsyncEnumerable<T> items)
    {
        var count = 0;
        await foreach (var _ in items)
            count++;
        return count;
    }

    /// <summary>How often the state sweep ran, on which instance, against the intervals since both were up (by the bots' log stamps).</summary>
    private static void Sweeps(DateTime bothUp, params BotProcess[] bots)
    {
        var window = DateTime.UtcNow - bothUp;
        var runs = bots.Select(b => (b.Name, At: b.Seen(SweepRan).Select(StampOf).Where(at => at >= bothUp).ToList())).ToList();
        var all = runs.SelectMany(r => r.At).Order().ToList();
        var gaps = all.Zip(all.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        Console.WriteLine($"  state sweep (every {SweepInterval.TotalSeconds:0} s): {all.Count} runs in {window.TotalSeconds:0.0} s, i.e. {window / SweepInterval:0.0} intervals ({string.Join(", ", runs.Select(r => $"{r.Name} {r.At.Count}"))})");
        if (gaps.Count > 0)
            Console.WriteLine($"    time between runs: shortest {gaps.Min():0.00} s, longest {gaps.Max():0.00} s");
    }

    /// <summary>When the bot wrote a log line (outside development, one JSON object per line with its UTC timestamp).</summary>
    private static DateTime StampOf(string line) => JsonNode.Parse(line)!["Timestamp"]!.GetValue<DateTimeOffset>().UtcDateTime;

    private static async Task<(string? Instance, Reply? Reply)> SayAsync(TestBed bed, HttpClient http, Uri url, string conversation, string member, string text)
    {
        var activityId = Guid.NewGuid().ToString("N");
        var reply = bed.Connector.ReplyTo(activityId);
        try
        {
            var (instance, _) = await InvokeAsync(http, url, bed.Activities.Message(conversation, member, activityId, text));
            try
            {
                return (instance, await reply.WaitAsync(ReplyTimeout));
            }
            catch (TimeoutException)
            {
                return (instance, null);
            }
        }
        finally
        {
            bed.Connector.Forget(activityId);
        }
    }

    /// <summary>Posts an activity; the instance that handled it (through the front) and the answer's body, if any.</summary>
    private static async Task<(string? Instance, JsonNode? Body)> InvokeAsync(HttpClient http, Uri url, byte[] activity)
    {
        using var content = new ByteArrayContent(activity);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(url, content);
        var instance = response.Headers.TryGetValues(RoundRobinFront.InstanceHeader, out var names) ? names.First() : null;
        var text = await response.Content.ReadAsStringAsync();
        return (instance, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>The first choice a prompt card offers (an imBack button other than cancel), or null when the reply is no prompt.</summary>
    private static string? FirstChoice(string replyBody) => Walk(JsonNode.Parse(replyBody)?["attachments"]?[0]?["content"])
        .OfType<JsonObject>()
        .Where(o => (string?)o["msteams"]?["type"] == "imBack")
        .Select(o => (string?)o["msteams"]?["value"])
        .FirstOrDefault(value => value is not null && value != "cancel");

    private static IEnumerable<JsonNode> Walk(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Value).OfType<JsonNode>().SelectMany(Walk).Prepend(obj),
        JsonArray array => array.OfType<JsonNode>().SelectMany(Walk),
        null => [],
        _ => [node],
    };

    private static string? TextOf(string activity) => (string?)JsonNode.Parse(activity)?["text"];

    private static string Quote(Reply? reply) =>
        reply is null ? "(no reply)" : TextOf(reply.Body) is { } text ? $"\"{text[..Math.Min(120, text.Length)]}…\"" : "(a card)";
}
