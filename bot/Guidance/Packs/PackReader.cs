using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TeamsPolicyBot.Guidance.Packs;

/// <summary>
/// Reads a pack's YAML into a <see cref="PolicyPack"/>, keeping each clause's and rule's line so that
/// every mistake can be reported where the author made it. Checks shape only; <see cref="PackValidator"/>
/// checks that the parts refer to each other correctly.
/// </summary>
internal sealed class PackReader
{
    private static readonly string[] RootKeys = ["pack", "trust", "document", "roles", "officialAccounts", "clauses", "topics", "duties", "reminder"];
    private static readonly string[] DocumentKeys = ["title", "version", "reviewDate", "link"];
    private static readonly string[] ClauseKeys = ["id", "section", "heading", "quote"];
    private static readonly string[] RuleKeys = ["when", "verdict", "report", "reportTo", "cite", "answer", "do"];
    private static readonly string[] DutyKeys = ["when", "unless", "reportTo", "cite", "do"];
    private static readonly string[] ReminderKeys = ["date", "summary"];
    private static readonly string[] PointKeys = ["point", "cite"];

    private readonly List<PackError> _errors = [];

    public IReadOnlyList<PackError> Errors => _errors;

    public PolicyPack? Read(string yaml)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                Error(1, "the pack must be a YAML mapping starting with 'pack:'");
                return null;
            }
            root = mapping;
        }
        catch (YamlException e)
        {
            Error(checked((int)e.Start.Line), $"not valid YAML: {e.Message}");
            return null;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet reports some unclosed brackets and quotes this way, without a position.
            Error(0, $"not valid YAML (check for an unclosed bracket or quote): {e.Message}");
            return null;
        }

        CheckKeys(root, RootKeys, "the pack");
        var id = RequiredText(root, "pack", "the pack");
        var trust = RequiredText(root, "trust", "the pack");
        var document = ReadDocument(root);
        var roles = ReadRoles(root);
        var accounts = Child(root, "officialAccounts") is { } accountsNode ? TextList(accountsNode, "officialAccounts") : [];
        var clauses = ReadClauses(root);
        var topics = ReadTopics(root);
        var duties = ReadDuties(root);
        var reminder = ReadReminder(root);

        return new PolicyPack(id, trust, document, roles, accounts, clauses, topics, duties, reminder);
    }

    private PolicyDocument ReadDocument(YamlMappingNode root)
    {
        if (Child(root, "document") is not YamlMappingNode node)
        {
            Error(Line(root), "'document:' with at least a 'title:' is required");
            return new PolicyDocument("", null, null, null);
        }
        CheckKeys(node, DocumentKeys, "document");
        return new PolicyDocument(
            RequiredText(node, "title", "document"),
            OptionalText(node, "version"),
            OptionalText(node, "reviewDate"),
            OptionalText(node, "link"));
    }

    private Dictionary<string, string> ReadRoles(YamlMappingNode root)
    {
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(root, "roles") is not YamlMappingNode node)
        {
            Error(Line(root), "'roles:' is required (safeguardingLead, headteacher, postApprover, guidanceContact)");
            return roles;
        }
        foreach (var (key, value) in node.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (value is YamlScalarNode { Value: { Length: > 0 } wording })
                roles[name] = wording.Trim();
            else
                Error(Line(key), $"role '{name}' needs its wording, e.g. \"the Headteacher\"");
        }
        foreach (var required in PackValidator.RequiredRoles.Where(r => !roles.ContainsKey(r)))
            Error(Line(node), $"role '{required}' is required");
        return roles;
    }

    private List<Clause> ReadClauses(YamlMappingNode root)
    {
        var clauses = new List<Clause>();
        if (Child(root, "clauses") is not YamlSequenceNode node || node.Children.Count == 0)
        {
            Error(Line(root), "'clauses:' with at least one clause is required");
            return clauses;
        }
        foreach (var item in node.Children)
        {
            if (item is not YamlMappingNode clause)
            {
                Error(Line(item), "each clause needs id, section, heading and quote");
                continue;
            }
            CheckKeys(clause, ClauseKeys, "a clause");
            clauses.Add(new Clause(
                RequiredText(clause, "id", "a clause"),
                RequiredText(clause, "section", "a clause"),
                RequiredText(clause, "heading", "a clause"),
                RequiredText(clause, "quote", "a clause"),
                Line(clause)));
        }
        return clauses;
    }

    private Dictionary<string, IReadOnlyList<PackRule>> ReadTopics(YamlMappingNode root)
    {
        var topics = new Dictionary<string, IReadOnlyList<PackRule>>(StringComparer.Ordinal);
        if (Child(root, "topics") is not YamlMappingNode node)
        {
            Error(Line(root), "'topics:' with at least one topic is required");
            return topics;
        }
        foreach (var (key, value) in node.Children)
        {
            var topic = ((YamlScalarNode)key).Value ?? "";
            if (!Topics.All.Contains(topic))
            {
                Error(Line(key), $"unknown topic '{topic}'; topics are: {string.Join(", ", Topics.All)}");
                continue;
            }
            if (value is not YamlSequenceNode rules || rules.Children.Count == 0)
            {
                Error(Line(key), $"topic '{topic}' needs a list of rules");
                continue;
            }
            topics[topic] = rules.Children.Select(ReadRule).OfType<PackRule>().ToList();
        }
        return topics;
    }

    /// <summary>The pack's duties to report; optional (a pack whose policy lays none has none).</summary>
    private List<PackDuty> ReadDuties(YamlMappingNode root)
    {
        var duties = new List<PackDuty>();
        if (Child(root, "duties") is not { } node) return duties;
        if (node is not YamlSequenceNode list)
        {
            Error(Line(node), "'duties:' must be a list of duties, each with when, reportTo, cite and do");
            return duties;
        }
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode duty)
            {
                Error(Line(item), "each duty needs when, reportTo, cite and do");
                continue;
            }
            CheckKeys(duty, DutyKeys, "a duty");
            var (when, ageUnder, ageAtLeast) = Conditions(duty, "when");
            if (when.Count == 0 && ageUnder is null && ageAtLeast is null)
                Error(Line(duty), "a duty needs 'when:' with the facts that lay it, e.g. { person: current-pupil, initiator: them }");
            var (unless, unlessUnder, unlessAtLeast) = Conditions(duty, "unless");
            if (unlessUnder is not null || unlessAtLeast is not null)
                Error(Line(duty), "'unless:' takes facts, not ages; put the age in 'when:'");
            var cite = Child(duty, "cite") is { } citeNode ? TextList(citeNode, "cite") : [];
            if (cite.Count == 0)
                Error(Line(duty), "a duty must cite the clause that lays it ('cite: [clause-id]')");
            duties.Add(new PackDuty(when, ageUnder, ageAtLeast, unless, RequiredText(duty, "reportTo", "a duty"), cite,
                RequiredText(duty, "do", "a duty"), Line(duty)));
        }
        return duties;
    }

    private (List<FactCondition> Conditions, int? AgeUnder, int? AgeAtLeast) Conditions(YamlMappingNode owner, string key)
    {
        var conditions = new List<FactCondition>();
        int? ageUnder = null, ageAtLeast = null;
        if (Child(owner, key) is { } node)
        {
            if (node is YamlMappingNode when)
                ReadConditions(when, conditions, ref ageUnder, ref ageAtLeast);
            else
                Error(Line(node), $"'{key}:' must map facts to values, e.g. {{ person: current-pupil }}");
        }
        return (conditions, ageUnder, ageAtLeast);
    }

    private PackRule? ReadRule(YamlNode item)
    {
        if (item is not YamlMappingNode rule)
        {
            Error(Line(item), "each rule needs verdict, cite, answer and do");
            return null;
        }
        CheckKeys(rule, RuleKeys, "a rule");
        var (conditions, ageUnder, ageAtLeast) = Conditions(rule, "when");

        var verdict = RequiredText(rule, "verdict", "a rule");
        if (verdict.Length > 0 && !Verdicts.All.Contains(verdict))
            Error(Line(Child(rule, "verdict")!), $"verdict must be one of {string.Join(", ", Verdicts.All)}, not '{verdict}'");

        var report = false;
        if (Child(rule, "report") is { } reportNode)
        {
            var text = Scalar(reportNode);
            if (text is "true" or "yes") report = true;
            else if (text is not ("false" or "no")) Error(Line(reportNode), "report must be true or false");
        }

        var cite = Child(rule, "cite") is { } citeNode ? TextList(citeNode, "cite") : [];
        if (cite.Count == 0)
            Error(Line(rule), "a rule must cite at least one clause ('cite: [clause-id]')");

        return new PackRule(
            conditions, ageUnder, ageAtLeast, verdict, report, OptionalText(rule, "reportTo"), cite,
            RequiredText(rule, "answer", "a rule"), RequiredText(rule, "do", "a rule"), Line(rule));
    }

    private void ReadConditions(YamlMappingNode when, List<FactCondition> conditions, ref int? ageUnder, ref int? ageAtLeast)
    {
        foreach (var (key, value) in when.Children)
        {
            var fact = ((YamlScalarNode)key).Value ?? "";
            if (fact is Facts.AgeUnder or Facts.AgeAtLeast)
            {
                if (!int.TryParse(Scalar(value), out var age) || age is < 1 or > 120)
                {
                    Error(Line(value), $"{fact} needs an age in whole years, e.g. {fact}: 18");
                    continue;
                }
                if (fact == Facts.AgeUnder) ageUnder = age; else ageAtLeast = age;
                continue;
            }
            if (!Facts.Values.TryGetValue(fact, out var allowed))
            {
                Error(Line(key), $"unknown fact '{fact}'; facts are: {string.Join(", ", Facts.Values.Keys.Append(Facts.AgeUnder).Append(Facts.AgeAtLeast))}");
                continue;
            }
            var values = value is YamlSequenceNode list ? list.Children.Select(Scalar).ToList() : [Scalar(value)];
            foreach (var bad in values.Where(v => !allowed.Contains(v)))
                Error(Line(value), $"'{bad}' is not a value of {fact}; use one of: {string.Join(", ", allowed)}");
            conditions.Add(new FactCondition(fact, values.Where(allowed.Contains).ToList()));
        }
    }

    private Reminder ReadReminder(YamlMappingNode root)
    {
        if (Child(root, "reminder") is not YamlMappingNode node)
        {
            Error(Line(root), "'reminder:' with a date and a summary is required");
            return new Reminder("", 0, 0, []);
        }
        CheckKeys(node, ReminderKeys, "reminder");
        var date = RequiredText(node, "date", "reminder");
        var (month, day) = (0, 0);
        if (date.Length > 0)
        {
            if (DateTime.TryParseExact(date, ["d MMMM", "d MMM"], System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var parsed))
                (month, day) = (parsed.Month, parsed.Day);
            else
                Error(Line(Child(node, "date")!), $"reminder date must be a day and month, e.g. \"1 September\", not '{date}'");
        }

        var points = new List<ReminderPoint>();
        if (Child(node, "summary") is YamlSequenceNode summary && summary.Children.Count > 0)
        {
            foreach (var item in summary.Children)
            {
                if (item is not YamlMappingNode point)
                {
                    Error(Line(item), "each summary item needs 'point:' and 'cite:'");
                    continue;
                }
                CheckKeys(point, PointKeys, "a summary point");
                var cite = Child(point, "cite") is { } citeNode ? TextList(citeNode, "cite") : [];
                if (cite.Count == 0) Error(Line(point), "a summary point must cite at least one clause");
                points.Add(new ReminderPoint(RequiredText(point, "point", "a summary point"), cite, Line(point)));
            }
        }
        else
        {
            Error(Line(node), "reminder needs a 'summary:' list of key dos and don'ts");
        }
        return new Reminder(date, month, day, points);
    }

    private void CheckKeys(YamlMappingNode node, string[] known, string where)
    {
        foreach (var key in node.Children.Keys)
        {
            var name = Scalar(key);
            if (!known.Contains(name))
                Error(Line(key), $"unknown field '{name}' in {where}; expected one of: {string.Join(", ", known)}");
        }
    }

    private string RequiredText(YamlMappingNode node, string key, string where)
    {
        if (Child(node, key) is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            return value.Trim();
        Error(Child(node, key) is { } present ? Line(present) : Line(node), $"'{key}:' is required in {where}");
        return "";
    }

    private string? OptionalText(YamlMappingNode node, string key)
    {
        if (Child(node, key) is not { } child) return null;
        if (child is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value)) return value.Trim();
        Error(Line(child), $"'{key}:' must be text");
        return null;
    }

    private List<string> TextList(YamlNode node, string key)
    {
        if (node is YamlSequenceNode list) return list.Children.Select(Scalar).Where(s => s.Length > 0).ToList();
        if (node is YamlScalarNode { Value: { Length: > 0 } single }) return [single.Trim()];
        Error(Line(node), $"'{key}:' must be a list, e.g. [first-id, second-id]");
        return [];
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string Scalar(YamlNode node) => node is YamlScalarNode { Value: { } value } ? value.Trim() : "";

    private static int Line(YamlNode node) => checked((int)node.Start.Line);

    private void Error(int line, string message) => _errors.Add(new PackError(line, message));
}
