using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TeamsPolicyBot.Cards;

namespace TeamsPolicyBot.Tests.Cards;

public sealed class CardTemplatesTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("cards-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void Render_ObjectData_BindsWithCamelCaseNames()
    {
        Write("report", """{"type":"AdaptiveCard","text":"Report to ${reportTo}","urgent":"${isUrgent}"}""");

        var card = Templates().Render("report", new { ReportTo = "the DSL", IsUrgent = true }).AsTree();

        Assert.Equal("Report to the DSL", (string?)card["text"]);
        Assert.True((bool)card["urgent"]!);
    }

    [Fact]
    public void Render_JsonNodeData_BindsItWithoutChangingIt()
    {
        Write("report", """{"type":"AdaptiveCard","text":"${Role}","items":["${sections}","${sections}"]}""");
        var data = new JsonObject { ["Role"] = "the Headteacher", ["sections"] = new JsonArray("3.1", "3.2") };
        var before = data.ToJsonString();

        var card = Templates().Render("report", data).AsTree();

        Assert.Equal("the Headteacher", (string?)card["text"]);
        Assert.Equal(4, card["items"]!.AsArray().Count);
        Assert.Equal(before, data.ToJsonString());
    }

    [Fact]
    public void Render_TemplateFileChangedAfterFirstUse_KeepsTheTemplateLoadedFirst()
    {
        Write("report", """{"type":"AdaptiveCard","text":"first ${n}"}""");
        var templates = Templates();
        templates.Render("report", new { N = 1 });

        Write("report", """{"type":"AdaptiveCard","text":"second ${n}"}""");
        var card = templates.Render("report", new { N = 2 }).AsTree();

        Assert.Equal("first 2", (string?)card["text"]);
    }

    [Fact]
    public void Render_MissingTemplate_FailsNamingWhereItLooked()
    {
        var failure = Assert.Throws<CardTemplateException>(() => Templates().Render("absent", new { }));

        Assert.Contains(Path.Combine(folder.FullName, "absent.json"), failure.Message);
    }

    [Theory]
    [InlineData("../report")]
    [InlineData("report/../../x")]
    [InlineData("Report")]
    [InlineData("report.data")]
    public void Render_NameThatIsNotACardName_IsRefused(string name)
    {
        Write("report", """{"type":"AdaptiveCard"}""");

        var failure = Assert.Throws<CardTemplateException>(() => Templates().Render(name, new { }));

        Assert.Contains("is not a card template name", failure.Message);
    }

    [Fact]
    public void Render_TemplateThatIsNotJson_FailsNamingTheCard()
    {
        Write("broken", """{"type":"AdaptiveCard",""");

        var failure = Assert.Throws<CardTemplateException>(() => Templates().Render("broken", new { }));

        Assert.Contains("card template 'broken'", failure.Message);
        Assert.Contains("not valid JSON", failure.Message);
    }

    [Fact]
    public void Render_CardDroppedByItsOwnWhen_FailsRatherThanSendingNothing()
    {
        Write("maybe", """{"type":"AdaptiveCard","$when":"${show}"}""");

        var failure = Assert.Throws<CardTemplateException>(() => Templates().Render("maybe", new { Show = false }));

        Assert.Contains("did not produce a card", failure.Message);
    }

    [Fact]
    public void AddCards_InTheApp_RendersTheTemplatesShippedBesideIt()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddCards();
        using var app = builder.Build();
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.CardsDirectory, "choice-prompt.data.json")));

        var card = app.Services.GetRequiredService<CardTemplates>().Render("choice-prompt", sample).AsTree();

        Assert.Equal(
            ["Under 18", "18 or 19", "20 or over"],
            card["body"]![1]!["actions"]!.AsArray().Select(action => (string?)action!["title"]));
    }

    private CardTemplates Templates() => new(folder.FullName);

    private void Write(string name, string json) => File.WriteAllText(Path.Combine(folder.FullName, name + ".json"), json);
}
