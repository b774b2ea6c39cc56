using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Ciudad.Web.UI.TagHelpers;

/// <summary>
/// Puts model-state keys in the order their fields appear on the form. Model state itself keeps
/// its keys sorted by length and then by name ("Input.Password" before "Input.DisplayName"), so an
/// error summary read from it jumps about the form. Forms follow the order their input classes
/// declare their properties, so that order stands for the form's.
/// </summary>
public sealed class FormOrder(ModelMetadata page) : IComparer<string>
{
    /// <summary>Where a key's field sits: one position per step of its path ("Input.Answers[size]" → Input, Answers).</summary>
    private List<int> PositionOf(string key)
    {
        // Messages about the whole form ("sign-in failed") come first.
        if (key.Length == 0)
        {
            return [];
        }
        var positions = new List<int>();
        var metadata = page;
        foreach (var step in key.Split('.'))
        {
            var name = step.Split('[')[0];
            var properties = metadata.Properties;
            var index = properties.ToList().FindIndex(p => p.PropertyName == name);
            if (index < 0)
            {
                // Not a property (a key made up by the page): after the fields it sits among.
                positions.Add(int.MaxValue);
                break;
            }
            positions.Add(index);
            metadata = properties[index];
            if (metadata.ElementMetadata is { } element && step.Contains('['))
            {
                metadata = element;
            }
        }
        return positions;
    }

    public int Compare(string? x, string? y)
    {
        var a = PositionOf(x ?? "");
        var b = PositionOf(y ?? "");
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }
        return a.Count.CompareTo(b.Count);
    }
}
