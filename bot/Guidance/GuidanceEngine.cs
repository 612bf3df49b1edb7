using System.Collections.Immutable;
using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Guidance.Retrieval;
using TeamsPolicyBot.Guidance.Understanding;

namespace TeamsPolicyBot.Guidance;

/// <summary>
/// Answers a member of staff's question from one trust's pack: reads the situation, runs the topic's
/// rules for each person involved and gives the strictest answer; asks when a missing fact would change
/// it; and when no rule covers the question, quotes the closest clauses with <c>caution</c>, never <c>yes</c>.
/// Whatever the topic, and in the fallback too, the answer reports when the facts meet one of the pack's duties.
/// </summary>
public sealed class GuidanceEngine
{
    private const int FallbackCitations = 3;

    /// <summary>Duties hold whatever the topic: their facts are read without any topic's defaults.</summary>
    private const string NoTopic = "";

    private readonly Lexicon _lexicon;
    private readonly SituationReader _reader;
    private readonly ClauseIndex _index;

    public GuidanceEngine(PolicyPack pack, TimeProvider time)
    {
        Pack = pack;
        _lexicon = new Lexicon(PackWords(pack));
        _reader = new SituationReader(_lexicon, time);
        _index = new ClauseIndex(pack, _lexicon);
    }

    public PolicyPack Pack { get; }

    /// <param name="question">The message as the member of staff typed it.</param>
    /// <param name="answers">Facts the member of staff has since given, from <see cref="GuidanceQuestion.Fact"/>
    /// to the chosen <see cref="GuidanceChoice.Value"/>; they override what the message seemed to say.</param>
    public GuidanceResult Answer(string question, IReadOnlyDictionary<string, string>? answers = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var (message, situation) = Read(question);
        return Decide(message, situation, answers ?? ImmutableDictionary<string, string>.Empty);
    }

    /// <summary>How the engine reads a question; read once: the fallback ranks clauses against the same words.</summary>
    internal (Message Message, Situation Situation) Read(string question)
    {
        var message = new Message(question, _lexicon);
        return (message, _reader.Read(message));
    }

    /// <summary>The answer to a situation as read (or as changed, to see what the pack says for other facts).</summary>
    internal GuidanceResult Decide(Message message, Situation situation, IReadOnlyDictionary<string, string> answers)
    {
        var duties = Duties(situation, answers);
        var result = AnswerTopic(message, situation, situation.Topic, answers, duties);
        if (result.Verdict != Verdicts.Yes) return result;

        // A "yes" on a close call must hold for the runners-up too; otherwise the stricter answer stands, if it
        // rests on what the question says rather than on a runner-up's assumptions (a pupil, in pupil-contact).
        foreach (var runnerUp in situation.Topics.Skip(1).Where(t => Pack.RulesFor(t).Count > 0))
        {
            var alternative = AnswerTopic(message, situation, runnerUp, answers, duties, statedOnly: true);
            if (alternative.Verdict is not null && Verdicts.Strictness(alternative.Verdict) > Verdicts.Strictness(result.Verdict))
                result = alternative;
        }
        return result;
    }

    /// <param name="statedOnly">Keep only decisions whose rule tests facts the question stated.</param>
    private GuidanceResult AnswerTopic(Message question, Situation situation, string? topic, IReadOnlyDictionary<string, string> answers,
        IReadOnlyList<PackDuty> duties, bool statedOnly = false)
    {
        var rules = topic is null ? [] : Pack.RulesFor(topic);
        if (rules.Count == 0) return Fallback(question, topic, duties);

        var outcomes = People(situation, answers)
            .Select(person => Facts(topic!, situation, person, answers))
            .Select(facts => (Facts: facts, Outcome: RuleEvaluator.Decide(rules, facts)))
            .Where(x => !statedOnly || x.Outcome.Rule is { } rule && rule.When.All(c => x.Facts.IsStated(c.Fact)))
            .Select(x => x.Outcome)
            .ToList();
        var decided = outcomes.Where(o => o.Rule is not null).Select(o => o.Rule!).ToList();
        var ask = outcomes.FirstOrDefault(o => o.Ask is not null)?.Ask;

        if (decided.Count > 0 && (ask is null || decided.Any(r => r.Verdict == Verdicts.No)))
            return FromRules(topic!, decided, duties);
        if (ask is not null)
            return new GuidanceResult(Pack.Id, topic, null, false, null, [], ask.Question, "", ask);
        return Fallback(question, topic, duties);
    }

    /// <summary>The duties the facts meet, for anyone in the question.</summary>
    private List<PackDuty> Duties(Situation situation, IReadOnlyDictionary<string, string> answers) =>
        Pack.Duties.Count == 0
            ? []
            : People(situation, answers).SelectMany(person => DutyEvaluator.Applying(Pack.Duties, Facts(NoTopic, situation, person, answers)))
                .Distinct().ToList();

    private static IEnumerable<Person> People(Situation situation, IReadOnlyDictionary<string, string> answers)
    {
        var people = situation.People.Count > 0 ? situation.People : [new Person(null, AgeRange.Unknown, null, 0)];
        answers.TryGetValue(Packs.Facts.Person, out var role);
        var age = answers.TryGetValue(Packs.Facts.Age, out var ageText) && AgeRange.TryParse(ageText, out var band) ? band : (AgeRange?)null;
        return people.Select(p => p with
        {
            Role = p.Role ?? role,
            Age = age is { } answered ? p.Age.Intersect(answered) : p.Age,
        });
    }

    private static FactSet Facts(string topic, Situation situation, Person person, IReadOnlyDictionary<string, string> answers)
    {
        var values = situation.Facts.ToImmutableDictionary();
        if (situation.Initiators is { } initiators && !initiators.Contains(person.Position)) values = values.Remove(Packs.Facts.Initiator);
        if (person.Role is not null) values = values.SetItem(Packs.Facts.Person, person.Role);
        if (person.Relative is { } relative) values = values.SetItem(Packs.Facts.Relative, relative ? Packs.Facts.Yes : Packs.Facts.No);
        foreach (var (fact, value) in answers)
        {
            if (fact is Packs.Facts.Person or Packs.Facts.Age) continue;
            if (Packs.Facts.Values.TryGetValue(fact, out var allowed) && allowed.Contains(value)) values = values.SetItem(fact, value);
        }
        return new FactSet(topic, values, person.Age);
    }

    /// <summary>Several people: the strictest answer, and a report if any of them, or a duty, needs one.</summary>
    private GuidanceResult FromRules(string topic, IReadOnlyList<PackRule> rules, IReadOnlyList<PackDuty> duties)
    {
        var rule = rules.MaxBy(r => Verdicts.Strictness(r.Verdict))!;
        var reporting = rule.Report ? rule : rules.FirstOrDefault(r => r.Report);
        // Distinct clause ids, not rules: a rule's value equality hashes all its text on every answer.
        var citations = rules.Prepend(rule).SelectMany(r => r.Cite).Concat(duties.SelectMany(d => d.Cite)).Distinct().Select(Cite).ToList();
        var todo = Pack.Fill(rule.Do);
        if (reporting is not null && reporting != rule)
            todo += " " + Pack.Fill(reporting.Do);
        var reportTo = reporting?.ReportTo;
        // A duty adds what to do unless the rule, or another duty, already sends the member of staff to the same person.
        foreach (var duty in OnePerRole(duties).Where(d => d.ReportTo != reportTo))
            todo += " " + Pack.Fill(duty.Do);
        reportTo ??= duties.FirstOrDefault()?.ReportTo;
        return new GuidanceResult(
            Pack.Id, topic, rule.Verdict, reportTo is not null, reportTo is null ? null : Pack.Role(reportTo),
            citations, Pack.Fill(rule.Answer), todo, null);
    }

    /// <summary>No rule answers: the clauses of any duty the facts meet, then the closest clauses, with <c>caution</c>.</summary>
    private GuidanceResult Fallback(Message question, string? topic, IReadOnlyList<PackDuty> duties)
    {
        var clauses = _index.Search(question, FallbackCitations);
        var citations = duties.SelectMany(d => d.Cite).Select(Pack.Clause).Concat(clauses).Distinct().Select(Cite).ToList();
        var contact = Pack.Role("guidanceContact");
        var answer = citations.Count > 0
            ? $"The {Pack.Document.Title} does not answer this directly. The closest parts are quoted below; read them with your situation in mind."
            : $"The {Pack.Document.Title} does not cover this directly.";
        var todo = string.Join(" ", OnePerRole(duties).Select(d => Pack.Fill(d.Do)).Append($"Check with {contact} before you go ahead."));
        var reportTo = duties.FirstOrDefault()?.ReportTo;
        return new GuidanceResult(Pack.Id, topic, Verdicts.Caution, reportTo is not null, reportTo is null ? null : Pack.Role(reportTo),
            citations, answer, todo, null);
    }

    private static IEnumerable<PackDuty> OnePerRole(IReadOnlyList<PackDuty> duties) => duties.DistinctBy(d => d.ReportTo);

    private Citation Cite(string clauseId) => Cite(Pack.Clause(clauseId));

    private static Citation Cite(Clause clause) => new(clause.Section, clause.Heading, clause.Quote);

    private static IEnumerable<string> PackWords(PolicyPack pack) =>
        pack.Clauses.SelectMany(c => (c.Heading + " " + c.Quote).ToLowerInvariant().Split(
            [' ', ',', '.', ';', ':', '(', ')', '/', '\'', '\u2019', '\u2018', '"', '-', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
