using System.Text.Json.Nodes;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Cards.Templating;

namespace TeamsPolicyBot.Tests.Cards;

public class CardTemplateTests
{
    [Theory]
    [MemberData(nameof(TemplatingCase.Names), MemberType = typeof(TemplatingCase))]
    public void Bind_DocumentedCase_GivesTheOfficialEnginesCard(string name)
    {
        var @case = TemplatingCase.Named(name);
        var template = CardTemplate.Parse("test", @case.TemplateJson);

        if (@case.ExpectedJson is null)
        {
            Assert.Throws<CardTemplateException>(() => template.Bind(@case.DataJson));
            return;
        }

        JsonTree.AssertEqual(@case.ExpectedJson, template.Bind(@case.DataJson));
    }

    [Fact]
    public void Parse_UnknownFunction_FailsNamingTheFunctionAndThePlace()
    {
        var failure = Assert.Throws<CardTemplateException>(() =>
            Parse("""{"body":[{"type":"TextRun","text":"${toUpper(name)}"}]}"""));

        Assert.Contains("unknown function 'toUpper'", failure.Message);
        Assert.Contains("card template 'test' at $.body[0].text", failure.Message);
        Assert.Contains("if, equals, not, empty", failure.Message);
    }

    [Fact]
    public void Parse_UnknownFunctionInsideText_FailsAtLoadInsteadOfPrintingIt()
    {
        var failure = Assert.Throws<CardTemplateException>(() => Parse("""{"text":"Hello ${upper(name)}"}"""));

        Assert.Contains("unknown function 'upper'", failure.Message);
    }

    [Theory]
    [InlineData("""{"a":"${a == b}"}""", "operators are not supported")]
    [InlineData("""{"a":"${if(a, b)}"}""", "if takes 3 argument(s), not 2")]
    [InlineData("""{"a":"${name"}""", "${ has no closing }")]
    [InlineData("""{"a":"${$host.name}"}""", "unknown name '$host'")]
    [InlineData("""{"a":"${xs['key']}"}""", "only whole-number indexes")]
    [InlineData("""{"a":"C:\\temp ${name}"}""", "'\\' is not supported")]
    [InlineData("""{"a":{"$when":true,"b":1}}""", "$when must be one ${...} expression")]
    [InlineData("""{"a":{"$data":"items","b":1}}""", "$data must be one ${...} expression")]
    public void Parse_UnsupportedSyntax_FailsWithReason(string template, string reason)
    {
        var failure = Assert.Throws<CardTemplateException>(() => Parse(template));

        Assert.Contains(reason, failure.Message);
    }

    [Fact]
    public void Bind_UserTextWithQuotesBackslashesAndNewlines_SurvivesSerialisation()
    {
        const string text = "She said \"hi\" \\o/\r\nthen </script> ${x} {\"a\":1}";
        var card = Parse("""{"type":"TextRun","text":"${question}"}""").Bind(new JsonObject { ["question"] = text, ["x"] = "evaluated" });

        var reparsed = JsonNode.Parse(card!.ToJsonString())!;

        Assert.Equal(text, (string)reparsed["text"]!);
    }

    [Fact]
    public void Bind_UserTextShapedLikeCardJson_StaysOneString()
    {
        const string text = """"}],"actions":[{"type":"Action.OpenUrl","url":"https://evil.example"}],"x":["""";
        var card = Parse("""{"body":[{"type":"TextRun","text":"You asked: ${question}"}]}""").Bind(new JsonObject { ["question"] = text })!;

        Assert.Equal(["body"], card.AsObject().Select(property => property.Key));
        Assert.Equal("You asked: " + text, (string)card["body"]![0]!["text"]!);
    }

    [Theory]
    [InlineData(123456789.125, "123456789.125")]
    [InlineData(1e300, "1e+300")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(999999999999999900000d, "999999999999999900000")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(-0.5, "-0.5")]
    public void FormatNumber_Double_WritesItAsJavaScriptDoes(double number, string expected)
    {
        Assert.Equal(expected, ScriptSemantics.FormatNumber(number));
    }

    private static CardTemplate Parse(string template) => CardTemplate.Parse("test", JsonNode.Parse(template));
}
