using TeamsPolicyBot.Telemetry;

namespace TeamsPolicyBot.Tests.Telemetry;

public class UrlRedactionTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/v3/conversations/a:1kQn7vXcYtEwB3pLmR8sHfD2uJ9aZ0oV4iG6eT5yN1xC7bM/activities/1741165301245",
        "https://smba.trafficmanager.net/emea/v3/conversations/{id}/activities/{id}")]
    [InlineData("https://smba.trafficmanager.net/emea/v3/conversations/19%3AHn2Wc7Xk4Pq9Zt1Rb6Ls3Mv8Dj5Fg0Ay%40thread.tacv2%3Bmessageid%3D1741/activities",
        "https://smba.trafficmanager.net/emea/v3/conversations/{id}/activities")]
    [InlineData("https://smba.trafficmanager.net/emea/v3/conversations/a%3A1Xyq3W8nPz5Rk2Tg7Lm4/pagedmembers?pageSize=500&continuationToken=eyJ0b2tlbiI6",
        "https://smba.trafficmanager.net/emea/v3/conversations/{id}/pagedmembers")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/t5f3a2bConversationState(PartitionKey='a~3A1Xyq3W8nPz5Rk2',RowKey='29~3A1kQn7vXcYt')",
        "http://127.0.0.1:10002/devstoreaccount1/t5f3a2bConversationState(…)")]
    [InlineData("https://trust.table.core.windows.net/ReminderAcknowledgements()?$filter=PartitionKey%20eq%20'fierte-2026'&sig=secret-sas",
        "https://trust.table.core.windows.net/ReminderAcknowledgements()")]
    [InlineData("https://trust.table.core.windows.net/ApprovalRequests", "https://trust.table.core.windows.net/ApprovalRequests")]
    [InlineData("https://graph.microsoft.com/v1.0/groups/3b9e2f1c-7a4d-4e8b-b2c6-1d0f9a8e7c65/transitiveMembers/microsoft.graph.user?$select=id",
        "https://graph.microsoft.com/v1.0/groups/{id}/transitiveMembers/microsoft.graph.user")]
    [InlineData("https://graph.microsoft.com/v1.0/users/jo.bloggs@oakfield.sch.uk", "https://graph.microsoft.com/v1.0/users/{id}")]
    [InlineData("/v3/conversations/a:1Xyq3W8nPz5Rk2Tg7Lm4/activities?token=abc", "/v3/conversations/{id}/activities")]
    [InlineData("not a url at all, Marigold", "{id}")]
    public void Redact_UrlWithIdsOrQuery_KeepsOnlyItsShape(string url, string expected)
    {
        Assert.Equal(expected, UrlRedaction.Redact(url));
    }

    [Fact]
    public void RedactPath_ApiRoute_Unchanged()
    {
        Assert.Equal("/api/messages", UrlRedaction.RedactPath("/api/messages"));
    }
}
