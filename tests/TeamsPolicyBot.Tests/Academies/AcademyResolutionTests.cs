using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Tests.Approvals;
using TeamsPolicyBot.Tests.Connector;
using TeamsPolicyBot.Tests.Infrastructure;
using static TeamsPolicyBot.Tests.Academies.ThreeAcademies;

namespace TeamsPolicyBot.Tests.Academies;

/// <summary>Which academy a member of staff is in: School Data Sync, then the Entra attribute, then their own choice.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AcademyResolutionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ThreeAcademies _trust = null!;

    public async Task InitializeAsync() => _trust = await ThreeAcademies.StartAsync(azurite);

    public async Task DisposeAsync() => await _trust.DisposeAsync();

    [Fact]
    public async Task MyAcademy_InSchoolDataSync_SaysTheAcademyFromTheRecords()
    {
        var reply = Assert.Single(await _trust.Host.SayAsync("my academy", HenryBoxTeacher));

        Assert.StartsWith($"The school's records say you work at {HenryBoxName}.", reply.Text);
        Assert.Contains($"/v1.0/education/users/{HenryBoxTeacher.AadObjectId}/schools", _trust.Graph.Requests.Single());
    }

    [Fact]
    public async Task MyAcademy_NotInSchoolDataSyncButDepartmentMapped_SaysThatAcademy()
    {
        var reply = Assert.Single(await _trust.Host.SayAsync("my academy", QueenEmmasTeacher));

        Assert.StartsWith($"The school's records say you work at {QueenEmmasName}.", reply.Text);
        Assert.Contains(_trust.Graph.Requests, r => r.StartsWith($"/v1.0/users/{QueenEmmasTeacher.AadObjectId}?", StringComparison.Ordinal) && r.Contains("department"));
    }

    [Fact]
    public async Task MyAcademy_AskedTwice_GraphAskedOnce()
    {
        await _trust.Host.SayAsync("my academy", HenryBoxTeacher);
        await _trust.Host.SayAsync("help", HenryBoxTeacher);

        Assert.Single(_trust.Graph.Requests);
    }

    [Fact]
    public async Task MyAcademy_AfterCacheDuration_AsksGraphAgain()
    {
        await using var trust = await ThreeAcademies.StartAsync(azurite, new() { ["AcademyLookup:CacheDuration"] = "00:00:00.300" });

        await trust.Host.SayAsync("my academy", HenryBoxTeacher);
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        await trust.Host.SayAsync("my academy", HenryBoxTeacher);

        Assert.Equal(2, trust.Graph.Requests.Count);
    }

    [Fact]
    public async Task MyAcademy_UnknownThenChosen_RemembersTheChoiceAcrossARestart()
    {
        var picker = CardJson.Card(Assert.Single(await _trust.Host.SayAsync("my academy", WoodGreenTeacher)));
        Assert.Equal([QueenEmmas, HenryBox, WoodGreen], PickerChoices(picker)); // by name

        var chosen = await _trust.ChooseAsync(WoodGreenTeacher, WoodGreen);
        Assert.Equal($"Thanks: I'll remember you work at {WoodGreenName}. Type \"my academy\" to change it.", (string?)chosen["value"]);

        await _trust.Host.RestartAsync();
        var again = CardJson.Card(Assert.Single(await _trust.Host.SayAsync("my academy", WoodGreenTeacher)));
        Assert.Contains($"You told me you work at {WoodGreenName}.", CardJson.Text(again));
    }

    [Fact]
    public async Task Choose_AcademyTheRecordsContradict_RefusedAndNothingRemembered()
    {
        var refused = await _trust.ChooseAsync(HenryBoxTeacher, QueenEmmas);

        Assert.Equal($"The school's records say you work at {HenryBoxName}, not {QueenEmmasName}.", (string?)refused["value"]);
        Assert.StartsWith($"The school's records say you work at {HenryBoxName}.", Assert.Single(await _trust.Host.SayAsync("my academy", HenryBoxTeacher)).Text);
    }

    [Fact]
    public async Task RequestPost_InTwoAcademies_AsksWhichOfTheirAcademiesEachTime()
    {
        var picker = CardJson.Card(Assert.Single(await _trust.Host.SayAsync("request a post", TwoSchoolsTeacher)));
        Assert.Equal([HenryBox, WoodGreen], PickerChoices(picker));

        var form = await _trust.ChooseAsync(TwoSchoolsTeacher, WoodGreen, then: "post");
        Assert.Contains($"For {WoodGreenName}", CardJson.Text(form["value"]));

        var askedAgain = CardJson.Card(Assert.Single(await _trust.Host.SayAsync("request a post", TwoSchoolsTeacher)));
        Assert.Equal([HenryBox, WoodGreen], PickerChoices(askedAgain));
    }

    [Fact]
    public async Task RequestPost_Unknown_AsksOnceThenShowsTheFormForTheChosenAcademy()
    {
        var picker = CardJson.Card(Assert.Single(await _trust.Host.SayAsync("request a post", WoodGreenTeacher)));
        Assert.Equal([QueenEmmas, HenryBox, WoodGreen], PickerChoices(picker)); // by name

        var form = await _trust.ChooseAsync(WoodGreenTeacher, WoodGreen, then: "post");
        Assert.Contains($"For {WoodGreenName}", CardJson.Text(form["value"]));

        var next = CardJson.Card(Assert.Single(await _trust.Host.SayAsync("request a post", WoodGreenTeacher)));
        Assert.Contains($"For {WoodGreenName}", CardJson.Text(next));
    }

    [Fact]
    public async Task MyAcademy_GraphUnavailable_AsksAndTriesGraphAgainNextTime()
    {
        _trust.Graph.Failing = true;
        var picker = CardJson.Card(Assert.Single(await _trust.Host.SayAsync("my academy", HenryBoxTeacher)));
        Assert.Contains("I don't know which academy you work at yet.", CardJson.Text(picker));

        _trust.Graph.Failing = false;
        var reply = Assert.Single(await _trust.Host.SayAsync("my academy", HenryBoxTeacher));
        Assert.StartsWith($"The school's records say you work at {HenryBoxName}.", reply.Text);
    }

    [Theory]
    [InlineData("help", HenryBoxName)]
    [InlineData("help", "")]
    public async Task Help_SaysWhichAcademyAndHowToChangeIt(string text, string academy)
    {
        var who = academy.Length > 0 ? HenryBoxTeacher : WoodGreenTeacher;
        var card = CardJson.Text(CardJson.Card(Assert.Single(await _trust.Host.SayAsync(text, who))));

        Assert.Contains(academy.Length > 0
            ? $"I think you work at {HenryBoxName}. Type \"my academy\" to see or change it."
            : "I don't know which academy you work at yet: I'll ask when I need to. Type \"my academy\" to see or change it.", card);
    }

    [Fact]
    public async Task Welcome_BotAddedToATeam_NamesNobodysAcademyButSaysHowToSeeYours()
    {
        var added = TeamsPayloads.Load(TeamsPayloads.BotAddedToTeam, _trust.Host.Connector.ServiceUrl);
        added["from"] = new JsonObject { ["id"] = HenryBoxTeacher.TeamsId, ["aadObjectId"] = HenryBoxTeacher.AadObjectId };

        await _trust.Host.Bot.PostActivityAsync(added);

        var card = CardJson.Text(CardJson.Card((await _trust.Host.Connector.WaitForRequestsAsync(1))[0]));
        Assert.Contains("Type \"my academy\" to see which academy I think you work at.", card);
        Assert.DoesNotContain(HenryBoxName, card);
    }

    [Fact]
    public async Task Help_OneAcademyTrust_SaysNothingAboutAcademies()
    {
        await using var host = await ApprovalsHost.StartAsync(azurite);

        var card = CardJson.Text(CardJson.Card(Assert.Single(await host.SayAsync("help"))));

        Assert.DoesNotContain("my academy", card, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("you work at", card, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Academy settings are checked at start-up; each mistake names the academy and the key.</summary>
public sealed class AcademySetupTests
{
    [Theory]
    [InlineData("Academies:queen-emmas:Approvers", "jo@school.example", "Academies:queen-emmas:Approvers: 'jo@school.example' is not an Entra object id")]
    [InlineData("Academies:queen-emmas:SafeguardingContacts", "dsl", "Academies:queen-emmas:SafeguardingContacts: 'dsl' is not an Entra object id")]
    [InlineData("Academies:queen-emmas:ApproverGroupId", "heads", "Academies:queen-emmas:ApproverGroupId must be the Entra ID group's object id")]
    [InlineData("Academies:queen-emmas:Name", "", "Academies:queen-emmas:Name is missing")]
    [InlineData("Academies:wood-green:SchoolIds", "HB-4000", "Academies:wood-green:SchoolIds: school 'HB-4000' is also given to academy 'henry-box'")]
    [InlineData("Academies:queen-emmas:Leads", "morgan", "Academies:queen-emmas:Leads: 'morgan' is not an Entra object id")]
    [InlineData("Academies:queen-emmas:LeadGroupId", "policy-leads", "Academies:queen-emmas:LeadGroupId must be the Entra ID group's object id")]
    [InlineData("Academies:henry-box:ExpertsTeamId", "hbs-team", "Academies:henry-box:ExpertsTeamId is set but ExpertsChannelId is not")]
    [InlineData("Academies:wood-green:ExpertsChannelId", "19:wg-leads@thread.tacv2", "Academies:wood-green:ExpertsChannelId is set but nobody may answer there")]
    [InlineData("AcademyLookup:Attribute", "jobTitle", "AcademyLookup:Attribute 'jobTitle' must be one of companyName, department, officeLocation")]
    public void Start_InvalidAcademySetting_FailsNamingTheAcademyAndKey(string key, string value, string message)
    {
        using var bot = new BotApp();
        foreach (var (setting, configured) in ThreeAcademies.Settings())
            bot.WithSetting(setting, configured);
        bot.WithSetting(key, value);

        var error = Assert.Throws<OptionsValidationException>(() => bot.CreateClient());

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Start_AcademyIdWithCapitals_FailsNamingIt()
    {
        var options = new AcademiesOptions { ["QueenEmmas"] = new AcademySettings { Name = "Queen Emma's" } };

        Assert.Contains("Academies:QueenEmmas: the id must be", Assert.Single(options.Problems()));
    }
}
