using HvLint.Engine;
using HvLint.Readers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using System.Text.RegularExpressions;

namespace HvLint.Cli.Tests;

/// <summary>
/// Every JSON sample, with values swapped for values of other types (objects where names belong, strings where numbers
/// do, numbers where objects do), audits without an exception: bad input is HV9xxx, never a stack trace. The mutations
/// come from a fixed seed, so a failure repeats; the eighth day's crash (a VMName written as an object) was one.
/// </summary>
public partial class MutatedInputTests
{
    private static readonly JToken[] Replacements =
    {
        JValue.CreateNull(), new JValue(true), new JValue(0), new JValue(-1), new JValue(1L << 40), new JValue(1.5), new JValue(string.Empty),
        new JValue("On"), new JValue("x"), new JArray(), new JObject(), new JArray(1, "a"), new JObject { ["number"] = "1", ["path"] = 5 },
        // Past 64 bits, which Newtonsoft reads as a BigInteger: a cast to long threw on it (day 17's fuzzing).
        new JValue(System.Numerics.BigInteger.Parse("99999999999999999999", System.Globalization.CultureInfo.InvariantCulture)), new JValue(4294967297L),
    };

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Repo.PathOf("samples"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(Repo.Root, file).Replace('\\', '/');
            if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal) || relative.EndsWith("expected.json", StringComparison.Ordinal)) continue;
            data.Add(relative);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_sample_with_values_of_the_wrong_type_audits_without_an_exception(string sample)
    {
        string text = File.ReadAllText(Repo.PathOf(sample));
        var random = new Random(sample.Length * 7919);
        for (int round = 0; round < 100; round++)
        {
            var root = (JContainer)JToken.Parse(text);
            List<JProperty> properties = root.Descendants().OfType<JProperty>().ToList();
            for (int k = 0; k < 4 && properties.Count > 0; k++)
            {
                JProperty p = properties[random.Next(properties.Count)];
                if (p.Parent != null) p.Value = Replacements[random.Next(Replacements.Length)].DeepClone();
            }

            string mutated = root.ToString(Formatting.Indented);
            AuditResult result = Auditor.Run(new[] { InputDocument.FromText(Path.GetFileName(sample), mutated) }, new AuditOptions());
            NoInternalError(result, mutated);
        }
    }

    /// <summary>
    /// The VM configuration XML, CIM-XML and CLIXML samples with a few values replaced (by other types, by characters a name may
    /// not hold) or characters inserted and removed: well-formed XML or an HV9001, never a reader's own failure. Day 17's
    /// fuzzing found a manifest instance with a "?" in it ending the whole audit with an XmlException.
    /// </summary>
    [Theory]
    [InlineData("samples/vmconfig")]
    [InlineData("samples/cimxml")]
    [InlineData("samples/powershell/HV-PS-04")]
    public void An_XML_sample_with_values_or_characters_changed_audits_without_an_internal_error(string folder)
    {
        string[] values = { string.Empty, "-1", "0", "99999999999999999999", "1e309", "True", "x", "{", "}", "?", "{7a3e?}", "&amp;", "4294967297" };
        EditEach(Directory.GetFiles(Repo.PathOf(folder), "*.xml"), ElementText(), values, "<>/\"'=&;#!?[]{}:-0123456789 \n");
    }

    /// <summary>
    /// The Export-Csv sample with field values replaced (by other types, by text past 64 bits, by quotes and delimiters)
    /// or characters inserted and removed (quotes, delimiters, line breaks): objects read or an HV9001, never a reader's
    /// own failure.
    /// </summary>
    [Fact]
    public void A_CSV_sample_with_values_or_characters_changed_audits_without_an_internal_error()
    {
        string[] files = Directory.GetFiles(Repo.PathOf("samples/powershell/HV-PS-05"), "*.csv");
        Assert.Equal(3, files.Length);
        string[] values = { string.Empty, "-1", "0", "99999999999999999999", "True", "Yes", "x", "\"", "\"\"", ";", ",", "\r\n", "Paused", "4294967297", "System.Object[]" };
        EditEach(files, QuotedField(), values, "\",;\t\r\n #0123456789");
    }

    /// <summary>
    /// Each file audited with the others 120 times, edited: every other round a few of its values (the first group of
    /// <paramref name="value"/>'s matches) replaced by <paramref name="values"/>, from the last so that the earlier
    /// ones' positions hold; in the others a few of <paramref name="steering"/>'s characters inserted or characters
    /// removed. A fixed seed, so that a failure repeats.
    /// </summary>
    private static void EditEach(string[] files, Regex value, string[] values, string steering)
    {
        var random = new Random(20261128);
        foreach (string file in files.Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file);
            var others = files.Where(f => f != file).Select(f => InputDocument.FromText(f, File.ReadAllText(f))).ToList();
            MatchCollection matches = value.Matches(text);
            for (int round = 0; round < 120; round++)
            {
                var edited = new System.Text.StringBuilder(text);
                if (round % 2 == 0)
                {
                    foreach (Group g in Enumerable.Range(0, random.Next(1, 4)).Select(_ => matches[random.Next(matches.Count)].Groups[1]).DistinctBy(g => g.Index).OrderByDescending(g => g.Index))
                    {
                        edited.Remove(g.Index, g.Length).Insert(g.Index, values[random.Next(values.Length)]);
                    }
                }
                else
                {
                    for (int k = random.Next(1, 4); k > 0; k--)
                    {
                        int at = random.Next(edited.Length);
                        if (random.Next(2) == 0) edited.Insert(at, steering[random.Next(steering.Length)]);
                        else edited.Remove(at, 1);
                    }
                }

                string mutated = edited.ToString();
                NoInternalError(Auditor.Run(others.Append(InputDocument.FromText(file, mutated)).ToList(), new AuditOptions()), mutated);
            }
        }
    }

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex QuotedField();

    /// <summary>
    /// A reader that throws on input it did not foresee gives its file an HV9001 saying HvLint failed, so that the other
    /// files are still audited; here that message fails the test.
    /// </summary>
    private static void NoInternalError(AuditResult result, string input)
    {
        Finding? failure = result.Findings.FirstOrDefault(f => f.Message.Contains(Auditor.InternalErrorMessage, StringComparison.Ordinal));
        Assert.True(failure == null, failure?.Message + "\n--- on:\n" + input);
    }

    [GeneratedRegex(">([^<>]+)<")]
    private static partial Regex ElementText();

    /// <summary>The Terraform and Packer samples in HCL and their variable files, each with the other files of its sample folder.</summary>
    public static TheoryData<string> HclSamples()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Repo.PathOf("samples"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.EndsWith(".tf", StringComparison.Ordinal) || file.EndsWith(".tfvars", StringComparison.Ordinal) || file.EndsWith(".hcl", StringComparison.Ordinal)) data.Add(Path.GetRelativePath(Repo.Root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HclSamples))]
    public void An_HCL_sample_cut_short_or_missing_a_character_audits_without_an_exception(string sample)
    {
        // As an editor or a failed checkout leaves a file, with the rest of its sample (modules, variables, variable
        // files) as they are: well-formed HCL or an HV9001, never a crash, whatever the expressions become.
        string folder = sample.Substring(0, sample.IndexOf('/', "samples/".Length));
        var others = Directory.GetFiles(Repo.PathOf(folder), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'))
            .Where(f => f != sample && !f.EndsWith(".md", StringComparison.Ordinal) && !f.EndsWith("expected.json", StringComparison.Ordinal))
            .Select(f => InputDocument.FromText(f, File.ReadAllText(Repo.PathOf(f))))
            .ToList();
        string text = File.ReadAllText(Repo.PathOf(sample));
        var random = new Random(sample.Length * 7919);
        for (int round = 0; round < 150; round++)
        {
            int at = random.Next(text.Length + 1);
            string mutated = round % 2 == 0 ? text.Substring(0, at) : at < text.Length ? text.Remove(at, 1) : text;
            AuditResult result = Auditor.Run(others.Append(InputDocument.FromText(sample, mutated)).ToList(), new AuditOptions());
            Assert.All(result.Findings.Where(f => f.RuleId.StartsWith("HV9", StringComparison.Ordinal)), f => Assert.Equal("HV9001", f.RuleId));
            NoInternalError(result, mutated);
        }
    }
}
