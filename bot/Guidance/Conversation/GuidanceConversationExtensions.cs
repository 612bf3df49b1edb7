using Microsoft.Extensions.Options;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Outgoing;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Guidance.Conversation;

public static class GuidanceConversationExtensions
{
    /// <summary>
    /// The guidance question in chat: the default dialog, its prompt, the answer card with its feedback and
    /// "Tell … now" buttons, and the "Ask another question" and "feedback summary" commands. Needs <c>AddGuidance</c>, <c>AddDialogs</c>,
    /// <c>AddCards</c>, <c>AddTableStorage</c> and <c>AddConnector</c>.
    /// </summary>
    public static WebApplicationBuilder AddGuidanceConversation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SafeguardingOptions>()
            .BindConfiguration(SafeguardingOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SafeguardingOptions>, SafeguardingOptionsValidator>();
        services.AddOptions<FeedbackSummaryOptions>()
            .BindConfiguration(FeedbackSummaryOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<FeedbackSummaryOptions>, FeedbackSummaryOptionsValidator>();
        services.AddSingleton<GuidanceAnswerCard>();
        services.AddSingleton<GuidanceMetrics>();
        services.AddSingleton<GuidanceFeedbackStore>();
        services.AddSingleton<SafeguardingReportStore>();
        services.AddDialog<GuidanceQuestionPrompt>();
        services.AddDefaultDialog<GuidanceDialog>();
        services.AddBotCommand<AskAnotherQuestionCommand>();
        services.AddBotCommand<FeedbackSummaryCommand>();
        services.AddCardAction<GuidanceFeedbackAction>(GuidanceFeedbackAction.Verb);
        services.AddCardAction<TellSafeguardingLeadAction>(TellSafeguardingLeadAction.Verb);
        services.AddKeyedTransient<IOutboxFollowUp, SafeguardingAlertFollowUp>(SafeguardingAlertFollowUp.Name);
        return builder;
    }

    // Each fails start-up with every problem spelled out.
    private sealed class SafeguardingOptionsValidator : IValidateOptions<SafeguardingOptions>
    {
        public ValidateOptionsResult Validate(string? name, SafeguardingOptions options) => Result(options.Problems());
    }

    private sealed class FeedbackSummaryOptionsValidator : IValidateOptions<FeedbackSummaryOptions>
    {
        public ValidateOptionsResult Validate(string? name, FeedbackSummaryOptions options) => Result(options.Problems());
    }

    private static ValidateOptionsResult Result(IEnumerable<string> problems) =>
        problems.ToList() is { Count: > 0 } list ? ValidateOptionsResult.Fail(list) : ValidateOptionsResult.Success;
}
