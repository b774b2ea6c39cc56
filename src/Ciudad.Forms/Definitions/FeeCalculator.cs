namespace Ciudad.Forms;

/// <summary>The fee a form's answers come to, in cents (the payments module charges it).</summary>
public static class FeeCalculator
{
    /// <summary>Each line of the fee (base first when not zero) with its amount; empty when the form is free.</summary>
    public static IReadOnlyList<(FeeItem? Item, long Cents)> Lines(FormDefinition definition, FormAnswers answers)
    {
        if (definition.Fee is not { } fee)
        {
            return [];
        }
        var lines = new List<(FeeItem?, long)>();
        if (fee.BaseCents > 0)
        {
            lines.Add((null, fee.BaseCents));
        }
        foreach (var item in fee.Items.Where(i => FormConditions.Holds(i.When, answers)))
        {
            var times = item.PerField is { } per ? Math.Max(0, (long)Math.Floor(FormConditions.Number(answers[per]) ?? 0)) : 1;
            if (times > 0)
            {
                lines.Add((item, checked(item.Cents * Math.Min(times, 10_000))));
            }
        }
        return lines;
    }

    public static long Total(FormDefinition definition, FormAnswers answers) => Lines(definition, answers).Sum(l => l.Cents);
}
