using System.Globalization;
using System.Text.RegularExpressions;
using Ciudad.Platform.Localization;

namespace Ciudad.Forms.Consolidation;

/// <summary>
/// The merge assistant: one definition for a cluster of near-copies that asks every distinct
/// question once. Fields are matched form by form against what is already merged (the same field
/// score as the report, best one-to-one first); a matched field becomes one field (wording in both
/// languages preferred, required if any form requires it, every form's options, the looser limits),
/// an unmatched one is kept. Pages follow the first form; each other form's extra questions go on a
/// page of their own named after it. Keys stay unique; conditions are re-pointed to the merged keys
/// and dropped (with a note) when the answer they read is not asked before them. The first form's
/// fee is kept (or the first fee found). Every decision is a <see cref="MergeNote"/>.
/// </summary>
internal static partial class MergeProposal
{
    [GeneratedRegex("[^a-z0-9_-]+")]
    private static partial Regex NotKey();

    private sealed record Member(int Form, int Page, FormField Field, FieldProfile Profile);

    private sealed class Slot(Member host)
    {
        public List<Member> Members { get; } = [host];

        public Member Host => Members[0];

        public string Key { get; set; } = host.Field.Key;
    }

    public static MergedForm Propose(IReadOnlyList<CatalogForm> cluster, LocalizedText? title = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.Count == 0)
        {
            throw new ArgumentException("A merge needs at least one form.", nameof(cluster));
        }
        var run = new Run(cluster);
        return run.Merge(title);
    }

    private sealed class Run(IReadOnlyList<CatalogForm> forms)
    {
        private readonly Vocabulary _vocabulary = new();
        private readonly List<MergeNote> _notes = [];

        /// <summary>Per form, its top-level keys → the merged keys.</summary>
        private readonly Dictionary<string, string>[] _keys = [.. forms.Select(_ => new Dictionary<string, string>(StringComparer.Ordinal))];

        /// <summary>Per form and group key, the group's own keys → the merged group's keys.</summary>
        private readonly Dictionary<(int Form, string Group), Dictionary<string, string>> _nested = [];

        private string Name(int form) => $"{forms[form].Title.For("en")} ({forms[form].Department})";

        private string Names(IEnumerable<int> form) => string.Join(", ", form.Distinct().Select(Name));

        public MergedForm Merge(LocalizedText? title)
        {
            var members = forms.Select((form, f) => form.Definition.Pages
                .SelectMany((page, p) => page.Fields.Select(field => new Member(f, p, field, FieldProfile.Of(field, _vocabulary))))
                .ToList()).ToList();
            foreach (var content in members.Skip(1).SelectMany(m => m).Where(m => !m.Field.Answers))
            {
                _notes.Add(new(MergeNote.Keys.ContentDropped, "", [Label(content.Field), Name(content.Form)]));
            }
            var slots = Match([members[0], .. members.Skip(1).Select(m => m.Where(x => x.Field.Answers).ToList())]);
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var ordered = slots.Where(s => s.Host.Form == 0).Concat(slots.Where(s => s.Host.Form > 0).OrderBy(s => s.Host.Form)).ToList();
            foreach (var slot in ordered)
            {
                slot.Key = Unique(slot.Host.Field.Key, taken);
                if (slot.Key != slot.Host.Field.Key)
                {
                    _notes.Add(new(MergeNote.Keys.KeyRenamed, slot.Key, [slot.Host.Field.Key, Name(slot.Host.Form), slot.Key]));
                }
                foreach (var member in slot.Members)
                {
                    _keys[member.Form][member.Field.Key] = slot.Key;
                }
            }
            var fields = ordered.ToDictionary(s => s, Field);
            var pages = new List<FormPage>();
            var pageKeys = new HashSet<string>(StringComparer.Ordinal);
            var first = forms[0].Definition;
            for (var p = 0; p < first.Pages.Count; p++)
            {
                var page = first.Pages[p];
                pages.Add(new()
                {
                    Key = Unique(page.Key, pageKeys),
                    Title = page.Title,
                    ShowIf = Repoint(page.ShowIf, 0, null, out _),
                    Fields = [.. ordered.Where(s => s.Host.Form == 0 && s.Host.Page == p).Select(s => fields[s])],
                });
            }
            foreach (var extra in ordered.Where(s => s.Host.Form > 0).GroupBy(s => s.Host.Form))
            {
                var form = forms[extra.Key];
                foreach (var slot in extra)
                {
                    _notes.Add(new(MergeNote.Keys.OnlyIn, slot.Key, [Label(fields[slot]), Name(extra.Key)]));
                }
                pages.Add(new()
                {
                    Key = Unique("from-" + KeyOf(form.Slug), pageKeys),
                    Title = form.Title.Select(t => $"{t} ({form.Department})"),
                    Fields = [.. extra.Select(s => fields[s])],
                });
            }
            var definition = new FormDefinition
            {
                Title = title ?? first.Title,
                Description = first.Description,
                Pages = CheckOrder(pages),
            };
            return new(definition with { Fee = Fee(definition) }, _notes);
        }

        /// <summary>Each later form's fields matched to the slots so far, best score first, one to one; the rest become slots.</summary>
        private List<Slot> Match(List<List<Member>> perForm)
        {
            var slots = perForm[0].Select(m => new Slot(m)).ToList();
            foreach (var members in perForm.Skip(1))
            {
                var candidates = new List<(int I, int J, double Score)>();
                for (var i = 0; i < slots.Count; i++)
                {
                    if (!slots[i].Host.Field.Answers)
                    {
                        continue;
                    }
                    for (var j = 0; j < members.Count; j++)
                    {
                        var score = slots[i].Members.Max(m => FieldSimilarity.Score(m.Profile, members[j].Profile, _vocabulary));
                        if (score > 0)
                        {
                            candidates.Add((i, j, score));
                        }
                    }
                }
                var matched = new HashSet<int>();
                foreach (var (i, j, _) in FormSimilarity.Greedy(candidates, slots.Count, members.Count))
                {
                    slots[i].Members.Add(members[j]);
                    matched.Add(j);
                }
                slots.AddRange(members.Where((_, j) => !matched.Contains(j)).Select(m => new Slot(m)));
            }
            return slots;
        }

        /// <summary>One field from a slot's versions; notes each decision.</summary>
        private FormField Field(Slot slot)
        {
            var host = slot.Host.Field;
            var all = slot.Members.Select(m => m.Field).ToList();
            var worded = slot.Members.FirstOrDefault(m => Bilingual(m.Field.Label)) ?? slot.Host;
            var label = worded.Field.Label.For("en");
            var key = slot.Key;
            if (slot.Members.Count > 1)
            {
                _notes.Add(new(MergeNote.Keys.Matched, key, [label, Names(slot.Members.Select(m => m.Form))]));
                if (worded != slot.Host)
                {
                    _notes.Add(new(MergeNote.Keys.WordingFrom, key, [label, Name(worded.Form)]));
                }
            }
            var type = host.Type;
            if (all.Any(f => f.Type != host.Type))
            {
                type = all.All(f => f.Type is FieldType.Text or FieldType.LongText) ? FieldType.LongText : host.Type;
                _notes.Add(new(MergeNote.Keys.Type, key, [label, type.ToString(), string.Join(", ", all.Select(f => f.Type.ToString()).Distinct())]));
            }
            var required = all.Any(f => f.Required);
            if (required && !all.All(f => f.Required))
            {
                _notes.Add(new(MergeNote.Keys.Required, key, [label, Names(slot.Members.Where(m => m.Field.Required).Select(m => m.Form))]));
            }
            var pattern = all.Select(f => f.Pattern ?? "").Distinct(StringComparer.Ordinal).Count() == 1 ? host.Pattern : null;
            if (pattern is null && all.Any(f => f.Pattern is { Length: > 0 }))
            {
                _notes.Add(new(MergeNote.Keys.Pattern, key, [label]));
            }
            var fileTypes = all.SelectMany(f => f.FileTypes).Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
            if (all.Any(f => f.FileTypes.Count != fileTypes.Count) && slot.Members.Count > 1)
            {
                _notes.Add(new(MergeNote.Keys.FileTypes, key, [label, string.Join(", ", fileTypes)]));
            }
            return new FormField
            {
                Key = key,
                Type = type,
                Label = worded.Field.Label,
                Hint = Best(all.Select(f => f.Hint)),
                Body = Best(all.Select(f => f.Body)),
                Required = required,
                MinLength = Loosest(slot, "minLength", f => f.MinLength, lower: true),
                MaxLength = Loosest(slot, "maxLength", f => f.MaxLength, lower: false),
                Min = Loosest(slot, "min", f => f.Min, lower: true),
                Max = Loosest(slot, "max", f => f.Max, lower: false),
                Pattern = pattern,
                PatternMessage = pattern is null ? null : host.PatternMessage,
                Options = host.HasOptions || type is FieldType.Select or FieldType.Radios or FieldType.Checkboxes ? Options(slot, label) : [],
                FileTypes = fileTypes,
                MaxFileBytes = Loosest(slot, "maxFileBytes", f => f.MaxFileBytes, lower: false),
                MaxItems = Loosest(slot, "maxItems", f => f.MaxItems, lower: false),
                Fields = host.Type == FieldType.Group ? Group(slot, label) : [],
                Prefill = all.Select(f => f.Prefill).FirstOrDefault(p => p is not null),
                ShowIf = Condition(slot, label),
            };
        }

        /// <summary>The looser limit (the lowest minimum, the highest maximum; none when any form has none), noted when the forms differ.</summary>
        private T? Loosest<T>(Slot slot, string what, Func<FormField, T?> limit, bool lower) where T : struct, IComparable<T>
        {
            var values = slot.Members.Select(m => limit(m.Field)).ToList();
            T? chosen = values.Any(v => v is null) ? null : lower ? values.Min() : values.Max();
            if (values.Distinct().Count() > 1)
            {
                var shown = chosen is { } c ? Convert.ToString(c, CultureInfo.InvariantCulture)! : "none";
                var from = chosen is null
                    ? slot.Members.Where(m => limit(m.Field) is null).Select(m => m.Form)
                    : slot.Members.Where(m => Equals(limit(m.Field), chosen)).Select(m => m.Form);
                _notes.Add(new(MergeNote.Keys.Limits, slot.Key, [Label(slot.Host.Field), what, $"{shown} ({Names(from)})"]));
            }
            return chosen;
        }

        /// <summary>The host's options, then each other form's options not already offered (same value or same normalized label).</summary>
        private List<FieldOption> Options(Slot slot, string label)
        {
            var options = new List<FieldOption>();
            var ids = new List<HashSet<int>>();
            var added = new List<string>();
            var from = new List<int>();
            foreach (var member in slot.Members)
            {
                foreach (var option in member.Field.Options)
                {
                    var mine = LabelProfile.All(option.Label, _vocabulary).Select(l => l.Canonical).Append(_vocabulary.Id("value:" + option.Value.ToLowerInvariant())).ToHashSet();
                    if (ids.Any(i => i.Overlaps(mine)))
                    {
                        continue;
                    }
                    var value = option.Value;
                    for (var n = 2; options.Any(o => string.Equals(o.Value, value, StringComparison.Ordinal)); n++)
                    {
                        value = $"{option.Value}-{n}";
                    }
                    options.Add(option with { Value = value });
                    ids.Add(mine);
                    if (member != slot.Host)
                    {
                        added.Add(option.Label.For("en"));
                        from.Add(member.Form);
                    }
                }
            }
            if (added.Count > 0)
            {
                _notes.Add(new(MergeNote.Keys.Options, slot.Key, [label, string.Join(", ", added.Select(a => $"“{a}”")), Names(from)]));
            }
            return options;
        }

        /// <summary>A group's own fields merged as the top-level ones are, each form's extras after the first's.</summary>
        private List<FormField> Group(Slot slot, string label)
        {
            var groups = slot.Members.Where(m => m.Field.Type == FieldType.Group).ToList();
            var inner = Match([.. groups.Select(g => g.Field.Fields.Select(f => new Member(g.Form, 0, f, FieldProfile.Of(f, _vocabulary))).ToList())]);
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var s in inner)
            {
                s.Key = Unique(s.Host.Field.Key, taken);
            }
            foreach (var g in groups)
            {
                var map = _nested[(g.Form, g.Field.Key)] = new(StringComparer.Ordinal);
                foreach (var s in inner)
                {
                    foreach (var m in s.Members.Where(m => m.Form == g.Form))
                    {
                        map[m.Field.Key] = s.Key;
                    }
                }
            }
            var extra = inner.Where(s => s.Host.Form != slot.Host.Form).ToList();
            if (extra.Count > 0)
            {
                _notes.Add(new(MergeNote.Keys.GroupFields, slot.Key, [label, string.Join(", ", extra.Select(s => $"“{Label(s.Host.Field)}”")), Names(extra.Select(s => s.Host.Form))]));
            }
            return [.. inner.Select(Field)];
        }

        /// <summary>
        /// Shown always when any form asks it always; else when any form's condition holds (its
        /// page's condition included for forms whose pages are not kept), re-pointed to merged keys.
        /// </summary>
        private FormCondition? Condition(Slot slot, string label)
        {
            var conditions = new List<FormCondition>();
            var always = new List<int>();
            foreach (var member in slot.Members)
            {
                var group = GroupOf(member);
                var own = Repoint(member.Field.ShowIf, member.Form, group, out var missing);
                var pageCondition = member.Form == 0 || group is not null ? null : forms[member.Form].Definition.Pages[member.Page].ShowIf;
                var page = Repoint(pageCondition, member.Form, null, out var pageMissing);
                foreach (var key in missing.Concat(pageMissing))
                {
                    _notes.Add(new(MergeNote.Keys.ConditionDropped, slot.Key, [label, key]));
                }
                var effective = (own, page) switch
                {
                    (null, null) => null,
                    (null, _) => page,
                    (_, null) => own,
                    _ => new FormCondition { All = [page, own] },
                };
                if (effective is null)
                {
                    always.Add(member.Form);
                }
                else
                {
                    conditions.Add(effective);
                }
            }
            if (always.Count > 0)
            {
                if (conditions.Count > 0)
                {
                    _notes.Add(new(MergeNote.Keys.AlwaysShown, slot.Key, [label, Names(always)]));
                }
                return null;
            }
            var distinct = conditions.DistinctBy(c => System.Text.Json.JsonSerializer.Serialize(c, FormDefinitionJson.Options)).ToList();
            if (distinct.Count == 1)
            {
                return distinct[0];
            }
            _notes.Add(new(MergeNote.Keys.ConditionsCombined, slot.Key, [label]));
            return new FormCondition { Any = distinct };
        }

        private string? GroupOf(Member member) =>
            _nested.Keys.Where(k => k.Form == member.Form).Select(k => k.Group)
                .FirstOrDefault(g => forms[member.Form].Definition.Field(g)?.Fields.Contains(member.Field) == true);

        /// <summary>The condition with each field re-pointed (a group's own keys first); null, with the keys it missed, when one is not in the merged form.</summary>
        private FormCondition? Repoint(FormCondition? condition, int form, string? group, out List<string> missing)
        {
            missing = [];
            if (condition is null)
            {
                return null;
            }
            var lost = missing;
            string? Map(string key) =>
                group is not null && _nested.TryGetValue((form, group), out var inner) && inner.TryGetValue(key, out var nested) ? nested
                : _keys[form].TryGetValue(key, out var top) ? top : null;
            FormCondition Walk(FormCondition c)
            {
                string? field = null;
                if (c.Field is { } name)
                {
                    field = Map(name);
                    if (field is null)
                    {
                        lost.Add(name);
                    }
                }
                return c with { Field = field ?? c.Field, All = [.. c.All.Select(Walk)], Any = [.. c.Any.Select(Walk)] };
            }
            var repointed = Walk(condition);
            return missing.Count == 0 ? repointed : null;
        }

        /// <summary>Drops (with a note) each condition that reads an answer not asked before it, as <see cref="FormDefinitionRules"/> requires.</summary>
        private List<FormPage> CheckOrder(List<FormPage> pages)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<FormPage>();
            foreach (var page in pages)
            {
                var pageCondition = Check(page.ShowIf, seen, page.Key, page.Title.For("en"));
                var fields = new List<FormField>();
                foreach (var field in page.Fields)
                {
                    var condition = Check(field.ShowIf, seen, field.Key, Label(field));
                    seen.Add(field.Key);
                    var siblings = new HashSet<string>(StringComparer.Ordinal);
                    var inner = new List<FormField>();
                    foreach (var own in field.Fields)
                    {
                        inner.Add(own with { ShowIf = Check(own.ShowIf, new HashSet<string>(seen.Concat(siblings), StringComparer.Ordinal), own.Key, Label(own)) });
                        siblings.Add(own.Key);
                    }
                    fields.Add(field with { ShowIf = condition, Fields = inner });
                }
                result.Add(page with { ShowIf = pageCondition, Fields = fields });
            }
            return result;
        }

        private FormCondition? Check(FormCondition? condition, HashSet<string> earlier, string key, string label)
        {
            if (condition is null)
            {
                return null;
            }
            var late = condition.Fields.Where(f => !earlier.Contains(f)).Distinct(StringComparer.Ordinal).ToList();
            if (late.Count == 0)
            {
                return condition;
            }
            _notes.Add(new(MergeNote.Keys.ConditionDropped, key, [label, string.Join(", ", late)]));
            return null;
        }

        /// <summary>The first form's fee, else the first fee of the cluster, re-pointed; other fees are noted, not merged.</summary>
        private FeeRule? Fee(FormDefinition merged)
        {
            var withFee = Enumerable.Range(0, forms.Count).Where(f => forms[f].Definition.Fee is not null).ToList();
            if (withFee.Count == 0)
            {
                return null;
            }
            var source = withFee[0];
            if (source != 0)
            {
                _notes.Add(new(MergeNote.Keys.FeeFrom, "", [Name(source)]));
            }
            foreach (var other in withFee.Skip(1))
            {
                _notes.Add(new(MergeNote.Keys.FeeNotCarried, "", [Name(other)]));
            }
            var fee = forms[source].Definition.Fee!;
            var items = new List<FeeItem>();
            foreach (var item in fee.Items)
            {
                var when = Repoint(item.When, source, null, out var missing);
                var per = item.PerField is { } p ? _keys[source].GetValueOrDefault(p) ?? NestedKey(source, p) : null;
                if (item.PerField is not null && (per is null || merged.Field(per)?.Type != FieldType.Number))
                {
                    missing.Add(item.PerField);
                }
                if (missing.Count > 0)
                {
                    _notes.Add(new(MergeNote.Keys.FeeItemDropped, "", [item.Label.For("en"), string.Join(", ", missing)]));
                    continue;
                }
                items.Add(item with { When = when, PerField = per });
            }
            return fee with { Items = items };
        }

        private string? NestedKey(int form, string key) =>
            _nested.Where(n => n.Key.Form == form).Select(n => n.Value.GetValueOrDefault(key)).FirstOrDefault(k => k is not null);
    }

    private static bool Bilingual(LocalizedText? text) =>
        text is not null && !string.IsNullOrWhiteSpace(text.Exactly("en")) && !string.IsNullOrWhiteSpace(text.Exactly("es"));

    /// <summary>The first text written in both languages, else the first written at all.</summary>
    private static LocalizedText? Best(IEnumerable<LocalizedText?> texts)
    {
        var list = texts.Where(t => t is { Values.Count: > 0 }).ToList();
        return list.FirstOrDefault(Bilingual) ?? list.FirstOrDefault();
    }

    private static string Label(FormField field) => field.Label.For("en") is { Length: > 0 } label ? label : field.Key;

    /// <summary>A key in the definition's format (lower case, letters, digits, dashes, underscores, a letter first, 63 at most).</summary>
    private static string KeyOf(string text)
    {
        var key = NotKey().Replace(text.ToLowerInvariant(), "-").Trim('-');
        if (key.Length == 0 || !char.IsAsciiLetterLower(key[0]))
        {
            key = "f-" + key;
        }
        return key.Length > 55 ? key[..55] : key;
    }

    /// <summary>The key, or the key with -2, -3… when taken; taken from then on.</summary>
    private static string Unique(string key, HashSet<string> taken)
    {
        var start = KeyOf(key);
        var candidate = start;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{start}-{n}";
        }
        return candidate;
    }
}
