using System.Text.Json.Nodes;

namespace TeamsPolicyBot.Tests.Infra;

/// <summary>
/// infra/main.bicep compiled once by <c>bicep build</c> and linted once by <c>bicep lint</c>, both at the same
/// time, for every test class in <see cref="MainBicepCollection"/>: each bicep run takes seconds.
/// </summary>
public sealed class MainBicep : IAsyncLifetime
{
    public const string Path = "infra/main.bicep";

    internal BicepRun Build { get; private set; } = null!;

    internal BicepRun Lint { get; private set; } = null!;

    /// <summary>The compiled template; a test that needs it fails with bicep's own report if the build failed.</summary>
    internal ArmTemplate Template => template ??= Build.ExitCode == 0
        ? new ArmTemplate(JsonNode.Parse(Build.Output)!.AsObject())
        : throw new InvalidOperationException(Build.Report);

    private ArmTemplate? template;

    public async Task InitializeAsync()
    {
        var build = BicepCli.RunAsync(["build", Path, "--stdout"]);
        var lint = BicepCli.RunAsync(["lint", Path]);
        (Build, Lint) = (await build, await lint);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class MainBicepCollection : ICollectionFixture<MainBicep>
{
    public const string Name = "infra/main.bicep";
}
