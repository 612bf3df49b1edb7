using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using TeamsPolicyBot.Approvals.Photos;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Approvals;

public static class ApprovalsExtensions
{
    /// <summary>
    /// The post approval workflow: request commands and forms, the pre-check, the approvers of each academy and the
    /// trust (an Entra ID group via Microsoft Graph, or a configured list), the request card's actions, the nudger,
    /// the admin export and the photos sent with post requests. Needs <c>AddAcademies</c>.
    /// </summary>
    public static WebApplicationBuilder AddApprovals(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApprovalsOptions>()
            .BindConfiguration(ApprovalsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApprovalsOptions>, ApprovalsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<ApprovalRequestStore>();
        services.AddCardCopyStore<ApprovalCardStore>(ApprovalCardStore.TableName);
        services.AddSingleton<ApprovalAuditLog>();
        services.AddSingleton<ApprovalCards>();
        services.AddSingleton<ApprovalMetrics>();
        services.AddSingleton<PostPreCheck>();
        services.AddTransient<ApprovalDecisions>();
        services.AddTransient<ApprovalMessenger>();
        services.AddSingleton<ApprovalsExport>();
        services.AddSingleton<ApprovalNudger>();
        services.AddHostedService(provider => provider.GetRequiredService<ApprovalNudger>());

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ApprovalsOptions>>().Value;
            var identity = string.IsNullOrWhiteSpace(options.GraphManagedIdentityClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(options.GraphManagedIdentityClientId);
            return new GraphServiceClient(new ManagedIdentityCredential(identity), ["https://graph.microsoft.com/.default"]);
        });
        services.AddSingleton<GraphApprovers>();
        services.AddSingleton<ApproverDirectory>();
        services.AddSingleton<RequestRouting>();

        services.AddCardAction<SubmitRequestHandler>(ApprovalVerbs.SubmitPost, ApprovalVerbs.SubmitAccount);
        services.AddCardAction<RequestCardHandler>(ApprovalVerbs.Decide, ApprovalVerbs.Refresh, ApprovalVerbs.Withdraw);
        services.AddBotCommand<RequestPostCommand>();
        services.AddBotCommand<RequestAccountCommand>();
        services.AddBotCommand<MyRequestsCommand>();
        services.AddBotCommand<PendingCommand>();
        services.AddBotCommand<ExportApprovalsCommand>();
        services.AddApprovalPhotos();
        return builder;
    }

    /// <summary>Maps the approvals' own endpoint: the full-size photos behind the cards' short-lived links.</summary>
    public static WebApplication MapApprovals(this WebApplication app) => app.MapApprovalPhotos();

    /// <summary>Names each configuration mistake, so start-up fails with a message that says what to fix.</summary>
    private sealed class ApprovalsOptionsValidator : IValidateOptions<ApprovalsOptions>
    {
        public ValidateOptionsResult Validate(string? name, ApprovalsOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
