using System.Security.Cryptography;
using System.Text;

namespace TeamsPolicyBot.Approvals;

public static class ApprovalIds
{
    /// <summary>
    /// A request id such as <c>20261121-5f3a9c2e1b</c>. When the form card's own message id is known, the id is
    /// derived from it, so pressing "Send" twice on one form makes one request, not two.
    /// </summary>
    public static string New(DateTimeOffset now, string conversationId, string? formMessageId)
    {
        var suffix = formMessageId is { Length: > 0 }
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId + "\n" + formMessageId)))[..10]
            : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        return $"{now:yyyyMMdd}-{suffix}";
    }
}
