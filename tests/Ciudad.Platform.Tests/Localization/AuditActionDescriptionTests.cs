using System.Text.RegularExpressions;
using Ciudad.Platform.Localization;

namespace Ciudad.Platform.Tests.Localization;

/// <summary>The audit page names every action in words (both languages), keeping the code beside it.</summary>
public sealed partial class AuditActionDescriptionTests
{
    private static readonly StringCatalog Catalog = new([typeof(PlatformModule).Assembly, typeof(Program).Assembly, typeof(Ciudad.Web.UI.SharedStrings).Assembly, .. Ciudad.Web.CiudadModules.All.Select(m => m.Assembly)]);

    [Fact]
    public void Every_audited_action_in_the_source_has_a_description()
    {
        var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src"));
        var actions = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => AuditCall().Matches(File.ReadAllText(f)).Select(m => m.Groups["action"].Value))
            .Distinct().ToList();

        Assert.NotEmpty(actions);
        var undescribed = actions.Where(a => !Catalog.TryGet("en", "Audit.Action." + a, out _)).ToList();
        Assert.True(undescribed.Count == 0, "Audit actions with no Audit.Action.* description: " + string.Join(", ", undescribed));
    }

    [GeneratedRegex(@"\b(?:Record|RecordNowAsync)\(\s*""(?<action>[a-z0-9]+\.[a-z0-9.-]+)""")]
    private static partial Regex AuditCall();
}
