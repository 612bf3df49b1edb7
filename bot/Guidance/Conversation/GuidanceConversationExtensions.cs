using Microsoft.Extensions.Options;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Guidance.Conversation;

public static class GuidanceConversationExtensions
{
    /// <summary>
    /// The guidance question in chat: the default dialog, its prompt, the answer card with its feedback and
    /// "Tell … now" buttons, and the "Ask another question" command. Needs <c>AddGuidance</c>, <c>AddDialogs</c>,
    /// <c>AddCards</c>, <c>AddTableStorage</c> and <c>AddConnector</c>.
    /// </summary>
    public static WebApplicationBuilder AddGuidanceConversation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SafeguardingOptions>()
            .BindConfiguration(SafeguardingOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SafeguardingOptions>, SafeguardingOptionsValidator>();
        services.AddSingleton<GuidanceAnswerCard>();
        services.AddSingleton<GuidanceFeedbackStore>();
        services.AddSingleton<SafeguardingReportStore>();
        services.AddDialog<GuidanceQuestionPrompt>();
        services.AddDefaultDialog<GuidanceDialog>();
        services.AddBotCommand<AskAnotherQuestionCommand>();
        services.AddCardAction<GuidanceFeedbackAction>(GuidanceFeedbackAction.Verb);
        services.AddCardAction<TellSafeguardingLeadAction>(TellSafeguardingLeadAction.Verb);
        return builder;
    }

    /// <summary>Fails start-up with each problem spelled out.</summary>
    private sealed class SafeguardingOptionsValidator : IValidateOptions<SafeguardingOptions>
    {
        public ValidateOptionsResult Validate(string? name, SafeguardingOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
