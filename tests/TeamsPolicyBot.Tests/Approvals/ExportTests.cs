using System.Text;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Tests.Infrastructure;
using static TeamsPolicyBot.Tests.Approvals.ApprovalsHost;

namespace TeamsPolicyBot.Tests.Approvals;

/// <summary>The CSV of requests and decisions: its escaping, the admin chat command and the export-approvals CLI verb.</summary>
public sealed class ExportTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line one\nline two", "\"line one\nline two\"")]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"")]
    [InlineData("+44 7700 900123", "'+44 7700 900123")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("", "")]
    public void Field_Value_EscapedForSpreadsheets(string value, string expected) =>
        Assert.Equal(expected, ApprovalsCsv.Field(value));

    [Fact]
    public void Write_HostileTextInEveryField_ParsesBackToTheSameRows()
    {
        const string hostile = "=1+1, \"quoted\"\r\nnext line";
        var request = new ApprovalRequest("20261121-abc", RequestKinds.Post, hostile, [new RequestField("Post text", hostile)], [],
            new StaffMember(Jo.AadObjectId, hostile), DateTimeOffset.UnixEpoch, new RequestOrigin(new Uri("https://example.org/"), "t", "b", null, "c"))
        {
            Comment = hostile,
        };

        var rows = Csv.Parse(ApprovalsCsv.Write([request]));

        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(12, row.Count));
        Assert.Equal("'" + hostile, rows[1][2]);
        Assert.Equal("'" + hostile, rows[1][4]);
        Assert.Equal("Post text: " + hostile, rows[1][9]);
    }

    [Collection(AzuriteCollection.Name)]
    public sealed class EndToEnd(AzuriteFixture azurite) : ApprovalsHostTests(azurite, new() { ["Admin:Users"] = PolicyLead.AadObjectId })
    {
        [Fact]
        public async Task ExportCommand_Admin_GetsCsvOfRequestsInRange()
        {
            var november = await Host.SubmitAsync();
            await Host.InvokeAsync(ApprovalVerbs.Decide, Decision(november, "reject", "Too many exclamation marks!"), Jo);
            Host.Time.Advance(TimeSpan.FromDays(15));
            var december = await Host.SubmitAsync(formMessageId: "1741165307777");

            var reply = Assert.Single(await Host.SayAsync("export approvals from 2026-11-01 to 2026-11-30", PolicyLead));

            var file = reply.Json["attachments"]![0]!;
            Assert.Equal("text/csv", (string?)file["contentType"]);
            Assert.Equal("approvals-2026-11-01-to-2026-11-30.csv", (string?)file["name"]);
            var csv = Encoding.UTF8.GetString(Convert.FromBase64String(((string)file["contentUrl"]!)["data:text/csv;base64,".Length..]));
            var rows = Csv.Parse(csv);
            var row = Assert.Single(rows.Skip(1));
            Assert.Equal([november, "Post", ApprovalStatus.Rejected, "Sam Taylor", "Jo Bloggs", "Too many exclamation marks!"],
                [row[0], row[1], row[3], row[4], row[6], row[8]]);
            Assert.DoesNotContain(december, csv);
        }

        [Fact]
        public async Task ExportCommand_NotAnAdmin_Refused()
        {
            var reply = Assert.Single(await Host.SayAsync("export approvals", Jo));

            Assert.Equal("Only admins can export approvals.", reply.Text);
        }

        [Fact]
        public async Task Cli_ExportApprovals_WritesCsvFromConfiguredStorage()
        {
            var requestId = await Host.SubmitAsync();
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exit = await ApprovalsCli.TryRunAsync(
                [ApprovalsCli.Verb, "--from", "2026-09-01", "--to", "2026-12-31",
                 "--Storage:ConnectionString", Host.StorageConnectionString, "--Storage:TablePrefix", Host.TablePrefix],
                output, error);

            Assert.True(exit == 0, error.ToString());
            var rows = Csv.Parse(output.ToString());
            Assert.Equal(requestId, Assert.Single(rows.Skip(1))[0]);
        }

        [Fact]
        public async Task Cli_ExportApprovalsWithoutDates_ExitsWithUsage()
        {
            using var error = new StringWriter();

            var exit = await ApprovalsCli.TryRunAsync([ApprovalsCli.Verb, "--from", "2026-13-01"], TextWriter.Null, error);

            Assert.Equal(2, exit);
            Assert.Contains("--from needs a date", error.ToString());
        }
    }

    /// <summary>An RFC 4180 reader, to check the CSV as a spreadsheet would read it.</summary>
    private static class Csv
    {
        public static List<List<string>> Parse(string text)
        {
            var rows = new List<List<string>>();
            var row = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else field.Append(c);
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
                else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; i++;
                }
                else field.Append(c);
            }
            return rows;
        }
    }
}
