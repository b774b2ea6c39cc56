using System.Globalization;

namespace Ciudad.Forms.Consolidation;

/// <summary>
/// One decision the merge assistant made, for staff to check in the builder: a string key
/// (<c>Forms.Merge.Required</c>) with its arguments, as every Outcome's error has, so the builder
/// can localize it; <see cref="Message"/> is the English text meanwhile. <see cref="Field"/> is the
/// merged key the note is about ("" for the form as a whole).
/// </summary>
internal sealed record MergeNote(string Key, string Field, IReadOnlyList<string> Arguments)
{
    /// <summary>The English text of each key; {0}… are the arguments.</summary>
    internal static readonly IReadOnlyDictionary<string, string> English = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Keys.Matched] = "“{0}” is asked by {1}; the merged form asks it once.",
        [Keys.WordingFrom] = "“{0}” takes its wording from {1}, which has it in both languages.",
        [Keys.Required] = "“{0}” is required because {1} requires it.",
        [Keys.Type] = "“{0}” is a {1} question (the forms had {2}).",
        [Keys.Options] = "“{0}” offers every form's options: {1} added from {2}.",
        [Keys.Limits] = "“{0}” takes the looser limit of the forms for {1}: {2}.",
        [Keys.Pattern] = "“{0}” no longer checks a pattern: the forms asked for different ones.",
        [Keys.FileTypes] = "“{0}” accepts the file types of every form: {1}.",
        [Keys.GroupFields] = "The group “{0}” asks the questions of every form's group: {1} added from {2}.",
        [Keys.OnlyIn] = "“{0}” is only in {1}.",
        [Keys.ContentDropped] = "The text “{0}” of {1} was not carried over.",
        [Keys.AlwaysShown] = "“{0}” is always shown, because {1} always asks it.",
        [Keys.ConditionsCombined] = "“{0}” is shown when the condition of any form holds.",
        [Keys.ConditionDropped] = "The condition on “{0}” was dropped: the answer it reads ({1}) is not asked before it.",
        [Keys.KeyRenamed] = "The key “{0}” of {1} was taken; the question is now “{2}”.",
        [Keys.FeeFrom] = "The fee is the one of {0}.",
        [Keys.FeeNotCarried] = "The fee of {0} was not carried over; check the fee.",
        [Keys.FeeItemDropped] = "The fee item “{0}” was dropped: it reads an answer ({1}) the merged form does not ask.",
    };

    public string Message => English.TryGetValue(Key, out var format)
        ? string.Format(CultureInfo.InvariantCulture, format, [.. Arguments])
        : $"{Key}: {string.Join(", ", Arguments)}";

    public override string ToString() => Message;

    public static class Keys
    {
        public const string Matched = "Forms.Merge.Matched";
        public const string WordingFrom = "Forms.Merge.WordingFrom";
        public const string Required = "Forms.Merge.Required";
        public const string Type = "Forms.Merge.Type";
        public const string Options = "Forms.Merge.Options";
        public const string Limits = "Forms.Merge.Limits";
        public const string Pattern = "Forms.Merge.Pattern";
        public const string FileTypes = "Forms.Merge.FileTypes";
        public const string GroupFields = "Forms.Merge.GroupFields";
        public const string OnlyIn = "Forms.Merge.OnlyIn";
        public const string ContentDropped = "Forms.Merge.ContentDropped";
        public const string AlwaysShown = "Forms.Merge.AlwaysShown";
        public const string ConditionsCombined = "Forms.Merge.ConditionsCombined";
        public const string ConditionDropped = "Forms.Merge.ConditionDropped";
        public const string KeyRenamed = "Forms.Merge.KeyRenamed";
        public const string FeeFrom = "Forms.Merge.FeeFrom";
        public const string FeeNotCarried = "Forms.Merge.FeeNotCarried";
        public const string FeeItemDropped = "Forms.Merge.FeeItemDropped";
    }
}

/// <summary>The merge assistant's proposal: one definition asking every distinct question once, and the decisions to check.</summary>
internal sealed record MergedForm(FormDefinition Definition, IReadOnlyList<MergeNote> Notes);
