using System.Text.Json;
using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.PolicyLeads;

namespace TeamsPolicyBot.Guidance.Conversation;

/// <summary>
/// The guidance-answer card (cards/README.md): the verdict, a policy lead's reviewed answer to a similar question,
/// what to do now, the report box, the quoted clauses, the feedback buttons and "Ask the policy lead". The card
/// carries its own data back in its Action.Execute buttons (<c>answer</c>), so a button press can redraw it (thanks
/// for the feedback, "Sent to … at 10:42") without the bot storing the question.
/// </summary>
public sealed class GuidanceAnswerCard(
    CardTemplates cards, PolicyPack pack, AcademySafeguarding safeguarding, LeadScopes policyLeads)
{
    public const string CardName = "guidance-answer";

    /// <summary>The data for a fresh answer to <paramref name="question"/>.</summary>
    /// <param name="similar">A policy lead's reviewed answer to a similar question, shown beside the verdict.</param>
    public GuidanceAnswerData Data(string question, GuidanceResult result, string conversationType, SimilarAnswer? similar = null) => new()
    {
        AnswerId = Guid.NewGuid().ToString("N"),
        Question = question,
        Verdict = result.Verdict ?? Verdicts.Caution,
        Reason = result.Answer,
        WhatToDo = result.WhatToDoNow,
        Report = result.Report,
        ReportTo = result.ReportTo ?? "",
        CanTell = result.Report && safeguarding.AnyContacts,
        SuggestPersonalChat = result.Report && conversationType != ConversationTypes.Personal,
        Clauses = result.Citations,
        Document = Document,
        Pack = result.Pack,
        Topic = result.Topic ?? GuidanceAnswerData.NoTopic,
        CanAskLead = result.Verdict == Verdicts.Caution && policyLeads.AnyLeads,
        SimilarHeading = similar?.Heading ?? "",
        SimilarAnswer = similar?.Text ?? "",
        SimilarNote = similar?.Note ?? "",
    };

    public Attachment Render(GuidanceAnswerData data) => cards.RenderAttachment(CardName, data);

    /// <summary>
    /// The card redrawn from the data a button sent back, as the JSON an invoke response replaces the pressed card
    /// with (in a channel, for everyone). That data came from the client, so the link and the "Tell … now" and
    /// "Ask the policy lead" offers are taken from the bot's own settings, never from it, and no academy choice is
    /// shown unless the bot asks for one (<see cref="AskWhichAcademy"/>).
    /// </summary>
    public JsonElement Redraw(GuidanceAnswerData sentBack) => cards.Render(CardName, Trusted(sentBack));

    /// <summary>The card redrawn to ask which academy a question for the policy lead is from, keeping the note typed.</summary>
    public JsonElement AskWhichAcademy(GuidanceAnswerData sentBack, string note, string prompt, IEnumerable<Academy> academies) =>
        cards.Render(CardName, Trusted(sentBack) with
        {
            LeadNote = note,
            LeadAcademyPrompt = prompt,
            LeadAcademies = academies.Select(a => new AcademyChoice(a.Id, a.Name)).ToList(),
        });

    private GuidanceAnswerData Trusted(GuidanceAnswerData sentBack) => sentBack with
    {
        Document = Document,
        CanTell = sentBack.Report && safeguarding.AnyContacts,
        CanAskLead = sentBack.CanAskLead && policyLeads.AnyLeads,
        LeadAcademies = [],
        LeadAcademyPrompt = "",
    };

    private GuidanceDocument Document => new(pack.Document.Title, pack.Document.Link ?? "");
}

/// <summary>The guidance-answer card's data; field by field as cards/README.md documents it.</summary>
public sealed record GuidanceAnswerData
{
    /// <summary>The topic recorded for a question no topic of the pack matched.</summary>
    public const string NoTopic = "none";

    /// <summary>Tells one answer from another, so a member of staff votes once per answer.</summary>
    public required string AnswerId { get; init; }
    public required string Question { get; init; }
    public required string Verdict { get; init; }
    public required string Reason { get; init; }
    public required string WhatToDo { get; init; }
    public bool Report { get; init; }
    public required string ReportTo { get; init; }

    /// <summary>Safeguarding contacts are configured: the card offers "Tell … now"; otherwise it says whom to speak to.</summary>
    public bool CanTell { get; init; }

    /// <summary>A report in a channel or group chat: suggest continuing in a personal chat with the bot.</summary>
    public bool SuggestPersonalChat { get; init; }
    public IReadOnlyList<Citation> Clauses { get; init; } = [];
    public required GuidanceDocument Document { get; init; }
    public required string Pack { get; init; }
    public required string Topic { get; init; }

    /// <summary>Shown in place of the "Tell … now" button once it was pressed: what happened to the report.</summary>
    public string Told { get; init; } = "";

    /// <summary>The report reached nobody: the card says so plainly.</summary>
    public bool TellFailed { get; init; }

    /// <summary>Shown in place of "Was this right?" once the member of staff answered it.</summary>
    public string FeedbackThanks { get; init; } = "";

    /// <summary>Policy leads are configured and the answer is <c>caution</c>, or the member of staff said it was not right.</summary>
    public bool CanAskLead { get; init; }

    /// <summary>Shown in place of the note and "Ask the policy lead" once pressed.</summary>
    public string AskedLead { get; init; } = "";

    /// <summary>The note for the policy lead, kept while the card asks which academy the question is from.</summary>
    public string LeadNote { get; init; } = "";

    /// <summary>The academies to choose from before a question goes to the policy leads; empty when none is asked for.</summary>
    public IReadOnlyList<AcademyChoice> LeadAcademies { get; init; } = [];

    public string LeadAcademyPrompt { get; init; } = "";

    /// <summary>"Your policy lead answered a similar question on 3 March:"; empty when there is none.</summary>
    public string SimilarHeading { get; init; } = "";

    public string SimilarAnswer { get; init; } = "";

    /// <summary>Why the reviewed answer does not change a <c>no</c> or a report; empty otherwise.</summary>
    public string SimilarNote { get; init; } = "";
}

public sealed record GuidanceDocument(string Title, string Link);

public sealed record AcademyChoice(string Id, string Name);
