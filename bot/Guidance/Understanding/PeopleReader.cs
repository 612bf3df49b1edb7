using static TeamsPolicyBot.Guidance.Packs.Facts.People;

namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>
/// Finds who a message is about: "a Year 10 pupil", "an ex-pupil who left eight years ago and is now 24",
/// "the mum of one of my pupils", "my nephew is a student here", "a parent and her son in Year 9".
/// </summary>
internal sealed class PeopleReader(int currentYear)
{
    private static readonly HashSet<string> PupilNouns = Stemmer.Set("pupil", "student", "child", "kid", "learner", "boy", "girl", "tutee", "lad", "lass", "alumnus", "alumni", "leaver", "schoolchild", "teen", "teenager", "youngster");
    private static readonly HashSet<string> ParentNouns = Stemmer.Set("parent", "mum", "mother", "dad", "father", "carer", "guardian", "stepmum", "stepdad", "stepmother", "stepfather", "grandparent", "grandma", "grandmother", "granny", "nan", "nana", "grandad", "granddad", "grandfather", "grandpa", "family", "families");
    private static readonly HashSet<string> FamilyNouns = Stemmer.Set("brother", "sister", "sibling", "aunt", "uncle", "cousin");
    private static readonly HashSet<string> RelativeNouns = Stemmer.Set("nephew", "niece", "cousin", "son", "daughter", "brother", "sister", "sibling", "grandson", "granddaughter", "grandchild", "grandkid", "godson", "goddaughter", "godchild", "stepson", "stepdaughter", "stepchild", "stepkid", "child", "kid", "aunt", "uncle", "relative", "relation", "mum", "dad", "mother", "father", "husband", "wife", "partner", "fianc", "girlfriend", "boyfriend", "family");
    private static readonly HashSet<string> ColleagueNouns = Stemmer.Set("colleague", "coworker", "governor", "trustee", "volunteer", "senco", "ta", "workmate");
    private static readonly HashSet<string> LeaderNouns = Stemmer.Set("headteacher", "head", "principal", "deputy", "manager", "boss", "slt", "headmaster", "headmistress");
    /// <summary>Words near "the Head" that make it the approver ("the Head agreed"), not a person in the situation.</summary>
    private static readonly HashSet<string> ApprovalWords = Stemmer.Set("agreed", "approved", "approval", "permission", "consent", "okay", "say", "sign", "allow", "know", "authorised", "authorized", "ask", "check", "blessing", "fine", "happy", "permit", "written", "given");

    /// <summary>People who are strangers by what they are; <see cref="Someone"/> only when the message says "I do not know" them.</summary>
    private static readonly HashSet<string> StrangerNouns = Stemmer.Set("stranger", "journalist", "reporter", "neighbour", "neighbor", "acquaintance");
    private static readonly HashSet<string> Someone = Stemmer.Set("someone", "somebody", "person", "people", "adult", "man", "woman", "account");

    /// <summary>Relatives who are grown-ups, so not pupils unless the message says so.</summary>
    private static readonly HashSet<string> AdultRelatives = Stemmer.Set("sister", "brother", "aunt", "uncle", "mum", "dad", "mother", "father", "husband", "wife", "partner", "fianc", "girlfriend", "boyfriend", "relation");
    private static readonly HashSet<string> Owners = ["my", "our", "own"];
    private static readonly HashSet<string> Joiners = ["and", "both", "plus", "or"];

    private sealed record Mention(string Role, int Position);

    public IReadOnlyList<Person> Read(Message m)
    {
        var mentions = new List<Mention>();
        var relatives = new List<int>();
        var notRelative = IsNotRelative(m);

        for (var i = 0; i < m.Count; i++)
        {
            var word = m.Words[i];
            var stem = word.Stem;

            if (IsYearGroup(m, i) || (m.Is(i, "class", "form", "tutor") && IsOwnClass(m, i)))
            {
                mentions.Add(new Mention(CurrentPupil, i));
                continue;
            }
            if (m.Is(i, "sixth") && m.Is(i + 1, "form", "former"))
            {
                mentions.Add(new Mention(CurrentPupil, i));
                i++;
                continue;
            }
            if ((RelativeNouns.Contains(stem) || IsRelativesChild(m, i)) && OwnedByMe(m, i))
            {
                // "my cousin's son": the son is the relative in question; "my daughter's friend" is no relative.
                if (!word.Possessive) relatives.Add(i);
                continue;
            }
            if (word.Possessive && IsPersonNoun(m, i + 1) || PossessiveWithoutApostrophe(m, i)) continue;
            if (PupilNouns.Contains(stem) && !IsStudentTeacher(m, i))
            {
                mentions.Add(new Mention(m.Is(i, "alumnus", "alumni", "leaver") ? FormerPupil : CurrentPupil, i));
            }
            else if (ParentNouns.Contains(stem) && !(m.Is(i, "family") && m.Is(i + 1, "friend")) && !GivesConsent(m, i))
            {
                mentions.Add(new Mention(Parent, i));
            }
            else if (FamilyNouns.Contains(stem) && IsPupilsFamily(m, i))
            {
                mentions.Add(new Mention(Parent, i));
            }
            else if (IsColleague(m, i))
            {
                mentions.Add(new Mention(Colleague, i));
            }
            else if (IsStranger(m, i))
            {
                mentions.Add(new Mention(Other, i));
            }
        }

        if (Pattern.Of("related to me").IsIn(m) || Pattern.Of("i be his|her|their aunt|uncle|godmother|godfather|godparent|cousin|stepmum|stepdad|grandma|grandad|nan").IsIn(m))
            relatives.Add(0);

        if (Pattern.Of("from|at work").IsIn(m) || Pattern.Of("i work with").IsIn(m) || Pattern.Of("work|works with me").IsIn(m))
            mentions.Add(new Mention(Colleague, Pattern.Of("work").Matches(m).First().Start));

        mentions = SuppressPupilsOfParents(m, mentions);
        mentions = MarkFormer(m, mentions);
        if (!mentions.Any(x => x.Role is CurrentPupil or FormerPupil) && TaughtThemBefore(m))
            mentions.Add(new Mention(FormerPupil, Pattern.Of("teach").Matches(m).First().Start));
        else if (mentions.Count == 0 && Pattern.Of("who|she|he|they ~ left|graduated").Matches(m).FirstOrDefault() is { End: > 0 } left)
            mentions.Add(new Mention(FormerPupil, left.Start));
        else if (mentions.Count == 0 && relatives.Count == 0 && AttendsSchool(m) is { } attends)
            mentions.Add(new Mention(CurrentPupil, attends));
        var before = mentions.Count;
        mentions = DropNegated(m, mentions);
        if (mentions.Count == 0 && before > 0)
            mentions.Add(new Mention(Other, 0));

        // One person per role, unless the message joins two of them ("a pupil and her friend in Year 9").
        var people = new List<Person>();
        foreach (var mention in mentions.OrderBy(x => x.Position))
        {
            var same = people.LastOrDefault(p => p.Role == mention.Role);
            if (same is null || JoinedBetween(m, same.Position, mention.Position))
                people.Add(new Person(mention.Role, AgeRange.Unknown, notRelative ? false : null, mention.Position));
        }

        if (!notRelative)
        {
            foreach (var relative in relatives)
            {
                var nearest = people.Where(p => p.Relative != true && !JoinedBetween(m, Math.Min(p.Position, relative), Math.Max(p.Position, relative)))
                    .MinBy(p => Math.Abs(p.Position - relative));
                if (nearest is not null)
                    people[people.IndexOf(nearest)] = nearest with { Relative = true };
                else if (!people.Any(p => p.Relative == true && p.Role is null or Other))
                    people.Add(new Person(RelativesRole(m, relative), AgeRange.Unknown, true, relative));
            }
        }

        return AssignAges(m, people, people.Select(p => p.Position).Concat(relatives).ToHashSet());
    }

    private static bool IsYearGroup(Message m, int i) =>
        m[i] == "year" && int.TryParse(m[i + 1], out var year) && year is >= 1 and <= 13
        || m[i] == "reception" && m.Is(i - 1, "in", "the");

    private static bool IsOwnClass(Message m, int i)
    {
        // "my class", "in my form", "my tutor group": the pupils; not "class blog", "form tutor", "my class's page".
        if (m.Words[i].Possessive) return false;
        if (m[i] == "tutor" && !m.Is(i + 1, "group")) return false;
        var next = m.StemAt(m[i] == "tutor" ? i + 2 : i + 1);
        if (next is "blog" or "page" or "account" or "group" or "teacher" or "tutor" or "chat" or "dojo" or "list" or "photo" or "website" or "channel") return false;
        return m[i - 1] is "my" or "our" || (m[i - 1] == "the" && m[i - 2] == "in");
    }

    private static bool OwnedByMe(Message m, int i)
    {
        for (var j = i - 1; j >= Math.Max(0, i - 3); j--)
        {
            if (Owners.Contains(m[j])) return true;
            if (m[j] is "a" or "the" or "his" or "her" or "their" or "your") return false;
            // "my friend's daughter" is not mine; "my partner's daughter" is family.
            if (m.Words[j].Possessive && !RelativeNouns.Contains(m.StemAt(j))) return false;
        }
        return false;
    }

    /// <summary>Whether the word names a person ("the pupil's mum"), not a thing ("the pupil's comment").</summary>
    private static bool IsPersonNoun(Message m, int i)
    {
        var stem = m.StemAt(i);
        return ParentNouns.Contains(stem) || FamilyNouns.Contains(stem) || RelativeNouns.Contains(stem) || ColleagueNouns.Contains(stem)
               || m.Is(i, "friend") && !m.Is(i + 1, "request", "requests")
               || m.Is(i, "teacher", "older", "younger", "little", "big", "twin", "step");
    }

    /// <summary>"my cousin's little boy", "my sister's girl": a child of a relative of mine (not "one of my boys").</summary>
    private static bool IsRelativesChild(Message m, int i)
    {
        if (!m.Is(i, "boy", "girl", "lad", "lass", "baby")) return false;
        var j = m.Is(i - 1, "little", "young", "eldest", "youngest", "oldest", "older", "younger") ? i - 2 : i - 1;
        return m.Words.ElementAtOrDefault(j) is { Possessive: true } && RelativeNouns.Contains(m.StemAt(j));
    }

    /// <summary>"a pupils older brother", "my students mums": a plural-looking pupil noun right before a family noun is
    /// a possessive typed without its apostrophe.</summary>
    private static bool PossessiveWithoutApostrophe(Message m, int i)
    {
        if (!m[i].EndsWith('s') || !PupilNouns.Contains(m.StemAt(i))) return false;
        var next = m.Is(i + 1, "older", "younger", "little", "big", "twin") ? i + 2 : i + 1;
        return ParentNouns.Contains(m.StemAt(next)) || FamilyNouns.Contains(m.StemAt(next));
    }

    /// <summary>"written consent from their parents", "the parents have given permission": the parents only give
    /// consent; they are not people the question is about.</summary>
    private static bool GivesConsent(Message m, int i)
    {
        if (!(m[i - 1] is "their" or "his" or "her" or "the" or "all" or "both" || m.Is(i + 1, "consent", "permission"))) return false;
        for (var j = Math.Max(0, i - 3); j <= Math.Min(m.Count - 1, i + 4); j++)
            if (m.Is(j, "consent", "permission") || m.Words[j].Stem.StartsWith("consent", StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool IsStudentTeacher(Message m, int i) => m.Is(i, "student") && m.Is(i + 1, "teacher");

    private static bool IsPupilsFamily(Message m, int i)
    {
        for (var j = Math.Max(0, i - 4); j < i; j++)
            if ((m.Words[j].Possessive || PossessiveWithoutApostrophe(m, j)) && PupilNouns.Contains(m.StemAt(j))) return true;
        return Pattern.Of("of ~ pupil|student|child").StartsAt(m, i + 1);
    }

    private static bool IsColleague(Message m, int i)
    {
        if (FromAnotherSchool(m, i)) return false;
        var stem = m.StemAt(i);
        if (ColleagueNouns.Contains(stem)) return true;
        if (m.Is(i, "teacher", "assistant", "member", "staff"))
        {
            return Pattern.Of("another|fellow|other|supply|new|a|trainee teacher").EndsAt(m, i)
                   || Pattern.Of("teach assistant").EndsAt(m, i)
                   || Pattern.Of("member of staff").StartsAt(m, i)
                   || Pattern.Of("staff member").StartsAt(m, i)
                   || (m.Is(i, "teacher") && Pattern.Of("teacher at|from ~ school|academy").StartsAt(m, i));
        }
        if (!LeaderNouns.Contains(stem)) return false;
        if (m.Is(i, "head"))
        {
            // "head of year", "head teacher", "the head"; not "ahead", "head out".
            var next = m.StemAt(i + 1);
            if (next == "of") return m.Is(i + 2, "department", "year") && !NearApproval(m, i);
            if (next != "teacher" && m[i - 1] is not ("the" or "my" or "our")) return false;
        }
        return !NearApproval(m, i);
    }

    private static bool NearApproval(Message m, int i)
    {
        for (var j = Math.Max(0, i - 4); j <= Math.Min(m.Count - 1, i + 7); j++)
            if (ApprovalWords.Contains(m.StemAt(j))) return true;
        return false;
    }

    /// <summary>"a teacher from another school", "a teacher who works at a different academy": staff, but not the trust's.</summary>
    private static bool FromAnotherSchool(Message m, int i)
    {
        for (var j = i + 1; j <= i + 4; j++)
            if (Pattern.Of("another|different|other ~ school|schools|academy|trust").StartsAt(m, j)) return true;
        return false;
    }

    private static bool IsStranger(Message m, int i) =>
        StrangerNouns.Contains(m.StemAt(i))
        || m.Is(i, "teacher", "colleague", "head", "headteacher") && FromAnotherSchool(m, i)
        || (Someone.Contains(m.StemAt(i))
            && Pattern.Of("i do not know").Matches(m).Any(x => x.Start > i && x.Start <= i + 3))
        || Pattern.Of("friend of a friend").StartsAt(m, i)
        || Pattern.Of("member of the public").StartsAt(m, i)
        || (m.Is(i, "friend") && m[i - 1] is "a" or "an" or "old" or "close" or "best" or "good" or "my"
            && !m.Is(i + 1, "request", "of") && !Pattern.Of("be|become|being|stay|add|accept ~ friend").EndsAt(m, i));

    /// <summary>"one of the parents in my class", "a Year 9 parent", "the mum of one of my pupils": the
    /// pupil only says whose parent it is.</summary>
    private static List<Mention> SuppressPupilsOfParents(Message m, List<Mention> mentions)
    {
        var parents = mentions.Where(x => x.Role == Parent).Select(x => x.Position).ToList();
        if (parents.Count == 0) return mentions;
        return mentions.Where(x => x.Role != CurrentPupil || !parents.Any(p =>
            (x.Position > p && x.Position - p <= 7 || p > x.Position && p - x.Position <= 2) && !JoinedBetween(m, Math.Min(p, x.Position), Math.Max(p, x.Position))))
            .ToList();
    }

    private static bool JoinedBetween(Message m, int from, int to)
    {
        for (var j = from + 1; j < to; j++)
            if (Joiners.Contains(m[j])) return true;
        return false;
    }

    private static List<Mention> MarkFormer(Message m, List<Mention> mentions) =>
        mentions.Select(x => x.Role == CurrentPupil && IsFormer(m, x.Position) ? x with { Role = FormerPupil } : x).ToList();

    private static bool IsFormer(Message m, int i)
    {
        if (Pattern.Of("used to be|go").Matches(m).Any(x => x.End < i && x.End >= i - 5)) return true;
        for (var j = Math.Max(0, i - 3); j < i; j++)
        {
            if (m.Is(j, "former", "ex", "past", "previous", "formerly", "after") || m[j] is "left" or "taught") return true;
            if (m.Is(j, "old") && !m.Is(j - 1, "year", "yr")) return true;
            if (m[j] is "was" or "were" && m.Is(j + 1, "in")) return true;
            if (Pattern.Of("used to").StartsAt(m, j)) return true;
        }
        for (var j = i + 1; j <= Math.Min(m.Count - 1, i + 9); j++)
        {
            var stem = m.StemAt(j);
            // Past tense only: "a child I teach" and "a pupil who is leaving in July" are still pupils.
            if (m[j] is "left" or "anymore" or "alumnus" or "alumni" or "finished" or "taught" || stem.StartsWith("graduat", StringComparison.Ordinal)) return true;
            if (m[j] == "longer" && m[j - 1] == "no") return true;
            if (m[j] == "more" && m[j - 1] == "any") return true;
            if (m[j] == "used" && m[j + 1] == "to") return true;
            if (PupilNouns.Contains(stem) || ParentNouns.Contains(stem)) break;
        }
        for (var j = Math.Max(0, i - 4); j < i; j++)
            if (m[j] == "longer" && m[j - 1] == "no") return true;
        return false;
    }

    /// <summary>"someone I taught", "I taught her in Year 9", "a boy I used to teach"; not "I taught with her".</summary>
    private static bool TaughtThemBefore(Message m)
    {
        if (Pattern.Of("used to teach").IsIn(m)) return true;
        for (var i = 1; i < m.Count; i++)
        {
            if (m[i] != "taught" || m.Is(i + 1, "with", "alongside", "at", "in", "for", "here", "there")) continue;
            var j = i - 1;
            while (j > 0 && m[j] is "have" or "had" or "once" or "also" or "actually") j--;
            if (m[j] == "i") return true;
        }
        return false;
    }

    /// <summary>A relative the message names only by relation: a pupil when they attend the school ("my sister's son
    /// goes to our academy"), someone else when grown up or elsewhere, unknown otherwise.</summary>
    private static string? RelativesRole(Message m, int relative) =>
        NotAtTheSchool(m) ? Other
        : AttendsSchool(m) is not null ? CurrentPupil
        : AdultRelatives.Contains(m.StemAt(relative)) ? Other
        : null;

    /// <summary>Where someone is said to attend the school or a school of the trust ("goes to our academy",
    /// "attends one of the trust's academies", "is at the school"); null when no one is.</summary>
    private static int? AttendsSchool(Message m)
    {
        foreach (var (start, _) in Pattern.Of("go|goes|going|attend|attends|attending|start|started|starts|join|joined|be ~ school|academy|academies|primary|secondary|college|here").Matches(m))
        {
            if (m[start - 1] is "i" or "we" || m.Is(start, "be") && !m.Is(start + 1, "at", "in")) continue;
            return start;
        }
        return null;
    }

    /// <summary>"not a pupil", "isn't a parent": that role is ruled out (unless "anymore": then former).</summary>
    private static List<Mention> DropNegated(Message m, List<Mention> mentions) =>
        mentions.Where(x => !(x.Role is CurrentPupil or Parent or Colleague
                              && Pattern.Of("not a|an|my|our").EndsAt(m, x.Position - 1)
                              && !IsFormer(m, x.Position)))
            .ToList();

    private static bool NotAtTheSchool(Message m) =>
        Pattern.Of("not ~ connect*|link*|associat* ~ school|academy|trust").IsIn(m) || Pattern.Of("nothing to do with").IsIn(m)
        || Pattern.Of("not|never ~ go|attend|went ~ school|academy|here|there").IsIn(m) || Pattern.Of("not a pupil|student").IsIn(m)
        || Pattern.Of("different|another|other school").IsIn(m) && !Pattern.Of("trust|ours").IsIn(m);

    private static bool IsNotRelative(Message m) =>
        Pattern.Of("not ~ relat*").IsIn(m) || Pattern.Of("no relation").IsIn(m) || Pattern.Of("unrelat*").IsIn(m)
        || Pattern.Of("not ~ family|families").IsIn(m) || Pattern.Of("not ~ relative").IsIn(m);

    /// <param name="named">Where the message names each person (a relative is named by the relation).</param>
    private List<Person> AssignAges(Message m, List<Person> people, IReadOnlyCollection<int> named)
    {
        if (people.Count == 0) return people;
        var ages = new AgeReader(currentYear).Read(m, named);
        var result = new List<Person>(people.Count);
        foreach (var person in people)
        {
            var age = AgeRange.Unknown;
            foreach (var mention in ages)
            {
                var owner = people.Where(p => p.Position <= mention.Position).MaxBy(p => p.Position) ?? people[0];
                if (owner == person && mention.Applies(person.Role)) age = age.Intersect(mention.Range);
            }
            result.Add(person with { Age = age });
        }
        return result;
    }
}
