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
}
