using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.PolicyLeads;

public static class PolicyLeadsExtensions
{
    /// <summary>
    /// "Ask the policy lead": the question card to the leads of the asker's academy, else the trust's (an Entra ID group
    /// via Microsoft Graph, or a configured list; 1:1 or in their channel), claiming and answering in the card, reviewed answers shown beside similar
    /// questions, "expert answers", the nudger and the retention sweep. Needs <c>AddApprovals</c> (its Graph client),
    /// <c>AddGuidanceConversation</c>, <c>AddCards</c>, <c>AddTableStorage</c> and <c>AddConnector</c>.
    /// </summary>
    public static WebApplicationBuilder AddPolicyLeads(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PolicyLeadsOptions>()
            .BindConfiguration(PolicyLeadsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PolicyLeadsOptions>, PolicyLeadsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<LeadQuestionStore>();
        services.AddCardCopyStore<LeadQuestionCardStore>(LeadQuestionCardStore.TableName);
        services.AddSingleton<LeadQuestionAudit>();
        services.AddSingleton<LeadCards>();
        services.AddSingleton<LeadScopes>();
        services.AddSingleton<LeadDirectory>();
        services.AddSingleton<QuestionRouting>();
        services.AddSingleton<ReviewedAnswers>();
        services.AddTransient<LeadDecisions>();
        services.AddTransient<LeadMessenger>();
        services.AddSingleton<LeadQuestionNudger>();
        services.AddHostedService(provider => provider.GetRequiredService<LeadQuestionNudger>());
        services.AddSingleton<QuestionTextSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<QuestionTextSweeper>());

        services.AddCardAction<AskPolicyLeadAction>(LeadVerbs.Ask);
        services.AddCardAction<LeadQuestionCardHandler>(LeadVerbs.Refresh, LeadVerbs.Claim, LeadVerbs.Answer, LeadVerbs.Retire);
        services.AddBotCommand<ExpertAnswersCommand>();
        return builder;
    }

    /// <summary>
    /// Names each configuration mistake, so start-up fails with a message that says what to fix. An academy's leads'
    /// keys are checked with the academy's other keys (<c>AcademiesOptions</c>); whether anyone may answer in an
    /// academy's channel depends on the trust's leads too, so it is checked here, on the academies as configured
    /// (through <c>IOptions</c> their own mistakes would be reported a second time, from here).
    /// </summary>
    private sealed class PolicyLeadsOptionsValidator(IConfiguration configuration) : IValidateOptions<PolicyLeadsOptions>
    {
        public ValidateOptionsResult Validate(string? name, PolicyLeadsOptions options)
        {
            var academies = configuration.GetSection(AcademiesOptions.Section).Get<AcademiesOptions>() ?? [];
            return options.Problems().Concat(options.AcademyProblems(academies)).ToList() is { Count: > 0 } problems
                ? ValidateOptionsResult.Fail(problems)
                : ValidateOptionsResult.Success;
        }
    }
}
