using System.Globalization;
using System.Text;

namespace Ciudad.Forms.Consolidation;

/// <summary>
/// Turns a label, in English or Spanish, into the tokens two near-copies of a question share:
/// lower case, accents and punctuation gone, common phrases of civic forms replaced by one
/// canonical token ("phone number", "teléfono" → <c>phone</c>; "correo electrónico" →
/// <c>email</c>), stop words of both languages dropped ("please enter your", "su", "de"), plurals
/// reduced to their singular ("permits" → "permit", "direcciones" → "direccion").
/// </summary>
internal static class LabelNormalizer
{
    /// <summary>Phrases (already lower case, unaccented, one space between words) and their canonical token; longest first when matched.</summary>
    private static readonly Dictionary<string, (string[] Words, string Canonical)[]> Phrases = BuildPhrases(
        ("phone", ["phone", "telephone", "phone number", "telephone number", "phone no", "cell phone", "mobile phone", "telefono", "numero de telefono", "celular", "tel"]),
        ("email", ["email", "e mail", "email address", "e mail address", "correo electronico", "correo", "direccion de correo electronico"]),
        ("zip", ["zip", "zip code", "zipcode", "postal code", "codigo postal"]),
        ("givenname", ["first name", "given name", "nombre de pila", "primer nombre"]),
        ("familyname", ["last name", "surname", "family name", "apellido", "apellidos"]),
        ("address", ["address", "street address", "mailing address", "home address", "residential address", "direccion", "domicilio", "direccion postal", "direccion de correo postal"]),
        ("birthdate", ["date of birth", "birth date", "birthdate", "dob", "fecha de nacimiento"]),
        ("name", ["name", "full name", "nombre", "nombre completo"]),
        ("attendance", ["attendance", "attendee", "attendees", "number of attendees", "number of people", "number of guests", "guests", "asistentes", "numero de asistentes", "asistencia", "numero de personas"]),
        ("description", ["description", "describe", "descripcion", "describa", "describir"]),
        ("organization", ["organization", "organisation", "organizacion", "business", "company", "empresa", "agency", "agencia"]),
        ("event", ["event", "evento"]),
        ("date", ["date", "fecha"]),
        ("city", ["city", "ciudad"]),
        ("state", ["state", "estado"]),
        ("signature", ["signature", "firma", "sign"]),
        ("comment", ["comment", "comments", "comentario", "comentarios", "additional information", "informacion adicional", "notes", "notas"]),
        ("type", ["type", "kind", "tipo", "clase"]),
        ("expected", ["expected", "estimated", "anticipated", "esperado", "esperados", "estimado", "estimados"]),
        ("organizer", ["organizer", "organiser", "organizador", "organizadora"]),
        ("location", ["location", "site", "lugar", "ubicacion", "sitio"]),
        ("contact", ["contact", "contacto"]),
        ("applicant", ["applicant", "solicitante"]),
        ("certify", ["certify", "certifico", "declare", "declaro", "affirm"]),
        ("information", ["information", "informacion", "info"]),
        ("true", ["true", "verdadera", "verdadero", "cierta", "cierto"]),
        ("number", ["number", "numero", "cantidad", "how many"]));

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // English
        "a", "an", "the", "of", "your", "you", "yours", "please", "enter", "provide", "give", "for", "to", "and", "or", "in", "on", "at",
        "is", "are", "be", "will", "what", "which", "my", "this", "that", "if", "any", "with", "by", "i", "we", "our", "it", "its", "do", "does",
        "here", "list", "optional", "required",
        // Spanish
        "su", "sus", "de", "del", "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "y", "e", "o", "u", "en", "por", "para", "al", "favor",
        "ingrese", "escriba", "indique", "proporcione", "tu", "tus", "es", "son", "que", "cual", "cuales", "mi", "mis", "este", "esta", "se", "con",
        "si", "yo", "nuestro", "nuestra", "aqui", "opcional", "obligatorio",
    };

    /// <summary>Words a form's title carries whatever it asks ("application", "form").</summary>
    private static readonly HashSet<string> TitleWords = new(StringComparer.Ordinal)
    {
        "application", "form", "request", "solicitud", "formulario", "peticion", "aplicacion",
    };

    /// <summary>The label's tokens, in order, canonical and without stop words.</summary>
    public static IReadOnlyList<string> Tokens(string? label, bool title = false)
    {
        var words = Words(label);
        var tokens = new List<string>(words.Count);
        var i = 0;
        while (i < words.Count)
        {
            var (length, canonical) = LongestPhrase(words, i);
            if (length > 0)
            {
                tokens.Add(canonical!);
                i += length;
                continue;
            }
            var word = words[i++];
            if (word.Length < 2 || StopWords.Contains(word) || (title && TitleWords.Contains(word)))
            {
                continue;
            }
            var stem = Stem(word);
            var (stemLength, stemCanonical) = LongestPhrase(new List<string> { stem }, 0);
            tokens.Add(stemLength > 0 ? stemCanonical! : stem);
        }
        return tokens;
    }

    /// <summary>Lower case, accents dropped, every run of anything but letters and digits one space.</summary>
    internal static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0)
            {
                words.Add(builder.ToString());
                builder.Clear();
            }
        }
        if (builder.Length > 0)
        {
            words.Add(builder.ToString());
        }
        return words;
    }

    /// <summary>Plurals to singular, the simple way: English -ies, -sses, -s; Spanish -iones, -dades (other Spanish -es plurals keep their e).</summary>
    internal static string Stem(string word)
    {
        if (word.Length <= 3 || word.Any(char.IsDigit))
        {
            return word;
        }
        if (word.EndsWith("iones", StringComparison.Ordinal))
        {
            return word[..^2];
        }
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }
        if (word.EndsWith("sses", StringComparison.Ordinal))
        {
            return word[..^2];
        }
        if (word.EndsWith("dades", StringComparison.Ordinal))
        {
            return word[..^2];
        }
        if (word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i'))
        {
            return word[..^1];
        }
        return word;
    }

    private static (int Length, string? Canonical) LongestPhrase(List<string> words, int start)
    {
        if (!Phrases.TryGetValue(words[start], out var candidates))
        {
            return (0, null);
        }
        foreach (var (phrase, canonical) in candidates)
        {
            if (start + phrase.Length > words.Count)
            {
                continue;
            }
            var match = true;
            for (var k = 0; k < phrase.Length && match; k++)
            {
                match = string.Equals(words[start + k], phrase[k], StringComparison.Ordinal);
            }
            if (match)
            {
                return (phrase.Length, canonical);
            }
        }
        return (0, null);
    }

    private static Dictionary<string, (string[] Words, string Canonical)[]> BuildPhrases(params (string Canonical, string[] Phrases)[] table) =>
        table.SelectMany(t => t.Phrases.Select(p => (Words: p.Split(' '), t.Canonical)))
            .GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ToArray(), StringComparer.Ordinal);
}
