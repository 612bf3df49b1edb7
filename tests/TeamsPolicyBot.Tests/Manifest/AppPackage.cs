using System.IO.Compression;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Manifest;

/// <summary>An app package built by manifest/build.mjs into a folder of its own, deleted on dispose.</summary>
internal sealed class AppPackage : IDisposable
{
    private readonly DirectoryInfo _folder;

    private AppPackage(DirectoryInfo folder, NodeScriptResult build)
    {
        _folder = folder;
        Build = build;
    }

    public NodeScriptResult Build { get; }

    public string ZipPath => Path.Combine(_folder.FullName, "appPackage.zip");

    /// <summary>Runs the build with only <paramref name="settings"/> as NAME=value arguments (no inherited placeholders).</summary>
    public static async Task<AppPackage> BuildAsync(IReadOnlyDictionary<string, string> settings)
    {
        var folder = Directory.CreateTempSubdirectory("policybot-apppackage-");
        string[] arguments = ["--out", Path.Combine(folder.FullName, "appPackage.zip"), .. settings.Select(s => $"{s.Key}={s.Value}")];
        var unset = BuildSettings.All.ToDictionary(name => name, _ => "");
        var build = await NodeScript.RunAsync(Path.Combine("manifest", "build.mjs"), arguments, unset);
        return new AppPackage(folder, build);
    }

    public IReadOnlyDictionary<string, byte[]> ReadEntries()
    {
        using var archive = ZipFile.OpenRead(ZipPath);
        return archive.Entries.ToDictionary(entry => entry.FullName, entry =>
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    public void Dispose() => _folder.Delete(recursive: true);
}

/// <summary>The placeholder values manifest/build.mjs reads.</summary>
internal static class BuildSettings
{
    public static readonly string[] All =
        ["BOT_ID", "BOT_DOMAIN", "APP_ID", "DEVELOPER_NAME", "DEVELOPER_WEBSITE_URL", "PRIVACY_URL", "TERMS_OF_USE_URL"];
}
