using HvLint.Engine;
using HvLint.Readers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HvLint.Cli.Tests;

/// <summary>
/// Every JSON sample, with values swapped for values of other types (objects where names belong, strings where numbers
/// do, numbers where objects do), audits without an exception: bad input is HV9xxx, never a stack trace. The mutations
/// come from a fixed seed, so a failure repeats; the eighth day's crash (a VMName written as an object) was one.
/// </summary>
public class MutatedInputTests
{
    private static readonly JToken[] Replacements =
    {
        JValue.CreateNull(), new JValue(true), new JValue(0), new JValue(-1), new JValue(1L << 40), new JValue(1.5), new JValue(string.Empty),
        new JValue("On"), new JValue("x"), new JArray(), new JObject(), new JArray(1, "a"), new JObject { ["number"] = "1", ["path"] = 5 },
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
            Assert.NotNull(result);
        }
    }

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
        }
    }
}
