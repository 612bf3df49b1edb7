using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Tests.Guidance;

/// <summary>
/// A child's post or message suggesting a risk of harm (self-harm, suicide, abuse, grooming, running away) is a
/// safeguarding concern in every pack: never a bare "yes", always the report to whom the pack names, citing the
/// clause of the pack's text that lays it, however the member of staff words it.
/// </summary>
public class ChildAtRiskTests
{
    /// <summary>Each pack: whom it names for a safeguarding concern, and the section of its text that lays the duty.</summary>
    private static readonly Dictionary<string, (string ReportTo, string Section)> Packs = new(StringComparer.Ordinal)
    {
        ["fierte"] = ("the designated senior leader for Child Protection", "3.1"),
        ["trinity"] = ("the Designated Safeguarding Lead/Officer", "2"),
        ["societas"] = ("the Head Teacher / Manager", "1.5"),
        ["henry-box"] = ("the school's Designated Safeguarding Lead (DSL)", "2.vii"),
        ["wy-catholic"] = ("the Academy Designated Safeguarding Officer", "Safeguarding"),
    };

    private static readonly string[] Wordings =
    [
        "I saw a post from a pupil about self harm, do I report it?",
        "a year 9 posted about wanting to hurt herself",
        "one of my students put something on tiktok about suicide",
        "saw a kid's story saying they want to die",
        "pupil's instagram mentions cutting",
        "should I tell someone about a child's post about self-harm",
        "a student's snapchat suggests they're being abused",
        "A pupil in my form posted on Instagram that she is being groomed by an older man. What should I do?",
        "a year 8 boy posted that he's going to run away from home",
        "a girl in my class posted that she's scared to go home",
        "Should I report a year 11's instagram story about taking an overdose?",
        "One of my Year 7s commented on a video that she wants to kill herself. Is it OK to tell the DSL?",
    ];

    private static readonly string[] HoldingBack =
    [
        "One of my year 10s has a tiktok about how she wants to kill herself. Can I leave it until Monday?",
        "A Year 8 posted about self-harming on Snapchat. Should I just keep it to myself?",
    ];

    public static TheoryData<string, string> Concerns() => Each(Wordings);

    public static TheoryData<string, string> HoldBacks() => Each(HoldingBack);

    [Theory]
    [MemberData(nameof(Concerns))]
    public void Answer_ChildAtRiskSeenOnline_NeverYesAndReportsToWhomThePackNames(string pack, string question)
    {
        var result = Engines.For(pack).Answer(question);

        var (reportTo, section) = Packs[pack];
        var said = $"{pack}: {result.Verdict} report={result.Report} to {result.ReportTo}, cites {string.Join(", ", result.Citations.Select(c => c.Section))}";
        Assert.True(result.Verdict is not null && result.Verdict != Verdicts.Yes, said);
        Assert.True(result.Report, said);
        Assert.True(result.ReportTo == reportTo, said);
        Assert.True(result.Citations.Any(c => c.Section == section), said);
        Assert.Contains(reportTo, result.WhatToDoNow, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HoldBacks))]
    public void Answer_HoldingBackAChildAtRisk_NoAndReports(string pack, string question)
    {
        var result = Engines.For(pack).Answer(question);

        Assert.True((result.Verdict, result.Report, result.ReportTo) == (Verdicts.No, true, Packs[pack].ReportTo),
            $"{pack}: {result.Verdict} report={result.Report} to {result.ReportTo}");
    }

    [Theory]
    [InlineData("Can I share a suicide prevention video with my Year 10 class?")]
    [InlineData("Can I post about self-harm awareness week on the school's Instagram?")]
    public void Answer_OwnMaterialOnTheSubject_IsNotAChildAtRisk(string question)
    {
        foreach (var pack in Packs.Keys)
        {
            var result = Engines.For(pack).Answer(question);

            Assert.False(result.Report, $"{pack}: reported to {result.ReportTo}: {result.WhatToDoNow}");
        }
    }

    private static TheoryData<string, string> Each(string[] questions)
    {
        var data = new TheoryData<string, string>();
        foreach (var pack in Packs.Keys)
            foreach (var question in questions)
                data.Add(pack, question);
        return data;
    }
}
