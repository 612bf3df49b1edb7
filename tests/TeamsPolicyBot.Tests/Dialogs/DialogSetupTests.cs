using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Dialogs;

/// <summary>Registering dialogs, the default dialog, and recognising "cancel" and "start over".</summary>
public class DialogSetupTests
{
    [Theory]
    [InlineData("cancel", "Cancel")]
    [InlineData("Cancel!", "Cancel")]
    [InlineData(" CANCEL. ", "Cancel")]
    [InlineData("start over", "StartOver")]
    [InlineData("Start-over", "StartOver")]
    [InlineData("start again!", "StartOver")]
    [InlineData("how do I cancel a post?", "None")]
    [InlineData("cancelled", "None")]
    [InlineData("start", "None")]
    public void Interruption_WholeMessage_MatchesCancelAndStartOverOnly(string text, string expected) =>
        Assert.Equal(expected, DialogManager.Interruption(text).ToString());

    [Fact]
    public void Constructor_TwoDialogsWithOneId_ThrowsNamingBoth()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new DialogSet([new WaterfallDialog("ask"), new FormerPupilDialog(), new WaterfallDialog("ask")]));

        Assert.Contains("'ask'", error.Message);
    }

    [Fact]
    public void Constructor_DefaultDialogNotRegistered_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new DialogSet([new FormerPupilDialog()], "guidance"));

    [Fact]
    public void AddDefaultDialog_Registered_IsTheDefaultInTheDialogSet()
    {
        using var services = Services(s => s.AddDefaultDialog<FormerPupilDialog>()).BuildServiceProvider();

        var dialogs = services.GetRequiredService<DialogSet>();

        Assert.Equal(FormerPupilDialog.DialogId, dialogs.DefaultDialogId);
        Assert.IsType<FormerPupilDialog>(dialogs.Find(FormerPupilDialog.DialogId));
        Assert.IsType<ChoicePrompt>(dialogs.Find(ChoicePrompt.DialogId));
    }

    [Fact]
    public void AddDialog_SameDialogTwice_RegistersItOnce()
    {
        using var services = Services(s => s.AddDialog<FormerPupilDialog>().AddDialog<FormerPupilDialog>()).BuildServiceProvider();

        Assert.Null(services.GetRequiredService<DialogSet>().DefaultDialogId);
        Assert.Single(services.GetServices<Dialog>(), dialog => dialog is FormerPupilDialog);
    }

    [Fact]
    public void AddDefaultDialog_Twice_Throws()
    {
        var services = new ServiceCollection().AddDefaultDialog<FormerPupilDialog>();

        Assert.Throws<InvalidOperationException>(() => services.AddDefaultDialog<FormerPupilDialog>());
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("30.00:00:00")]
    public void Start_IdleTimeoutOutOfRange_FailsNamingTheSetting(string idleTimeout)
    {
        using var bot = new BotApp().WithSetting("Dialogs:IdleTimeout", idleTimeout);

        var error = Assert.Throws<OptionsValidationException>(() => bot.CreateClient());

        Assert.Contains("Dialogs:IdleTimeout", error.Message);
    }

    private static IServiceCollection Services(Action<IServiceCollection> configure)
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddTableStorage();
        builder.AddCards();
        builder.AddDialogs();
        configure(builder.Services);
        return builder.Services;
    }
}
