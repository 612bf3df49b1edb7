using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Guidance;

namespace TeamsPolicyBot.Tests.Guidance;

public sealed class GuidanceExtensionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policy-packs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static WebApplication Build(string pack, string directory)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Policy:Pack"] = pack,
            ["Policy:Directory"] = directory,
        });
        builder.AddGuidance();
        return builder.Build();
    }

    [Fact]
    public async Task AddGuidance_ValidPack_AnswersFromIt()
    {
        await using var app = Build("fierte", RepositoryPaths.Policies);
        await app.StartAsync();

        var engine = app.Services.GetRequiredService<GuidanceEngine>();

        Assert.Equal("fierte", engine.Pack.Id);
        Assert.Equal("no", engine.Answer("Can I accept a friend request from a Year 8 pupil?").Verdict);
        await app.StopAsync();
    }

    [Fact]
    public async Task AddGuidance_InvalidPack_RefusesToStartAndSaysWhy()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "fierte.yaml")).Replace("verdict: ask_first", "verdict: perhaps", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_folder, "fierte.yaml"), yaml);
        await using var app = Build("fierte", _folder);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("verdict must be one of yes, no, ask_first, caution, not 'perhaps'", error.Message, StringComparison.Ordinal);
        Assert.Contains("line ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddGuidance_MissingPack_RefusesToStart()
    {
        await using var app = Build("no-such-trust", RepositoryPaths.Policies);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("no-such-trust", error.Message, StringComparison.Ordinal);
    }
}
