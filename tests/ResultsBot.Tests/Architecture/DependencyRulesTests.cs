using System.Reflection;
using System.Text.RegularExpressions;
using ResultsBot.Application.Pipeline;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Architecture;

/// <summary>
/// The parts point inward: the application knows no web framework, database or platform, and the host names
/// each adapter only where it is composed. Checked on the built assemblies and on the host's source, so a new
/// "using ResultsBot.Discord" in the delivery code fails here rather than in review.
/// </summary>
public sealed partial class DependencyRulesTests
{
    private static readonly string[] Adapters = ["ResultsBot.Discord", "ResultsBot.Slack", "ResultsBot.Storage", "ResultsBot.Storage.Postgres"];

    [Fact]
    public void Application_ReferencesNeitherAspNetNorAnyDatabaseNorAnyPlatform()
    {
        var references = typeof(ResultsDesk).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("ResultsBot.Domain", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) || r.Contains("Npgsql", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(references, r => Adapters.Contains(r) || r is "ResultsBot.Hosting" or "ResultsBot.Rendering");
        var project = File.ReadAllText(Path.Combine(Paths.RepoRoot, "src", "ResultsBot.Application", "ResultsBot.Application.csproj"));
        Assert.DoesNotContain("Microsoft.AspNetCore.App", project, StringComparison.Ordinal);
        Assert.DoesNotContain("Sqlite", project, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Npgsql", project, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Host_NamesEachAdapterOnlyWhereItIsComposed()
    {
        var host = Path.Combine(Paths.RepoRoot, "src", "ResultsBot");
        var mentions = Directory.EnumerateFiles(host, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select(line => (File: Path.GetRelativePath(host, f), Line: line)))
            .Where(x => AdapterName().IsMatch(x.Line) || x.Line.Contains("Sqlite", StringComparison.Ordinal) || x.Line.Contains("Postgres", StringComparison.Ordinal))
            .ToList();

        // The composition root: one using and one line for each adapter, nothing else anywhere in the host.
        Assert.All(mentions, m => Assert.Equal(Path.Combine("Cli", "BotLauncher.cs"), m.File));
        Assert.Equal(
            ["builder.AddPostgresStore(keep: running);", "builder.AddSqliteStore(keep: running);", "using ResultsBot.Discord.Hosting;", "using ResultsBot.Slack.Hosting;",
             "using ResultsBot.Storage.Hosting;", "using ResultsBot.Storage.Postgres.Hosting;"],
            mentions.Select(m => m.Line.Trim()).Order(StringComparer.Ordinal));
        Assert.Contains(File.ReadLines(Path.Combine(host, "Cli", "BotLauncher.cs")), l => l.Trim() == "builder.AddDiscord(connect: running);");
        Assert.Contains(File.ReadLines(Path.Combine(host, "Cli", "BotLauncher.cs")), l => l.Trim() == "builder.AddSlack(connect: running);");
    }

    [Fact]
    public void Host_UsesNoAdapterTypeButItsRegistration()
    {
        var used = typeof(ResultsBot.Cli.BotLauncher).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))
                .Concat(t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Select(f => f.FieldType)))
            .Select(t => t.Namespace ?? "")
            .Where(ns => Adapters.Any(a => ns == a || ns.StartsWith(a + ".", StringComparison.Ordinal)))
            .Distinct()
            .ToList();

        Assert.Empty(used);
    }

    [GeneratedRegex(@"\bResultsBot\.(Discord|Slack|Storage)\b")]
    private static partial Regex AdapterName();
}
