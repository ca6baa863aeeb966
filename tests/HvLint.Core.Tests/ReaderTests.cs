using System.Text;
using HvLint.Readers;
using static HvLint.Tests.Audit;

namespace HvLint.Tests;

public class ReaderTests
{
    [Fact]
    public void Malformed_json_is_HV9001_with_its_position_and_the_other_files_are_still_audited()
    {
        var result = RunFiles(new[]
        {
            ("broken.json", "{ \"virtualMachines\": [\n  { \"name\": \"a\", }\n  { \"name\": \"b\" }\n] }"),
            ("good.json", Vm("\"processorCount\": 8")),
        });
        var problem = result.Of("HV9001").Single();
        Assert.Equal("broken.json", problem.Location.Path);
        Assert.True(problem.Location.Line >= 2, problem.Location.ToString());
        Assert.True(problem.Location.Column >= 1);
        Assert.Single(result.Of("HV1001"));
        Assert.True(result.Incomplete);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_HV9001_at_the_value_and_the_rest_of_the_VM_is_read()
    {
        var result = Run("{ \"profile\": \"hyperv-2008r2\", \"virtualMachines\": [ { \"name\": \"a\",\n \"processorCount\": \"four\",\n \"memoryStartup\": \"96GB\" } ] }");
        var problem = result.Of("HV9001").Single();
        Assert.Equal((2, 20), (problem.Location.Line, problem.Location.Column));
        Assert.Contains("processorCount", problem.Message);
        Assert.Single(result.Of("HV1003"));
        Assert.Empty(result.Of("HV1001"));
    }

    [Fact]
    public void A_number_past_64_bits_is_HV9001_at_the_number_and_the_rest_of_the_VM_is_read()
    {
        // Found by fuzzing the samples: Newtonsoft reads such a number as a BigInteger, and a cast of it to long threw,
        // ending the audit of every file. A count, an enumeration and an On/Off value each took a path of their own.
        string text = "{ \"profile\": \"hyperv-2008r2\", \"virtualMachines\": [ { \"name\": \"a\",\n \"processorCount\": 99999999999999999999,\n"
            + " \"state\": 18446744073709551616,\n \"secureBoot\": 99999999999999999999,\n \"memoryStartup\": \"96GB\" } ] }";
        var problems = Run(text).Of("HV9001");
        Assert.Equal(new[] { (2, 20), (3, 11), (4, 16) }, problems.Select(p => (p.Location.Line, p.Location.Column)).ToArray());
        Assert.Contains("'processorCount': 99999999999999999999 is out of range", problems[0].Message, StringComparison.Ordinal);
        Assert.EndsWith("found the number 18446744073709551616", problems[1].Message, StringComparison.Ordinal);
        Assert.EndsWith("found the number 99999999999999999999", problems[2].Message, StringComparison.Ordinal);
        Assert.Single(Run(text).Of("HV1003"));
    }

    [Fact]
    public void An_unknown_property_is_HV9001_but_x_and_dollar_properties_are_ignored()
    {
        var result = Run("{ \"$schema\": \"s\", \"x-note\": 1, \"virtualMachines\": [ { \"name\": \"a\", \"x-owner\": \"ops\", \"procesorCount\": 8 } ] }");
        var problem = result.Of("HV9001").Single();
        Assert.Contains("procesorCount", problem.Message);
    }

    [Fact]
    public void An_unknown_enumeration_value_is_HV9001_and_never_guessed()
    {
        var result = Run(Vm("\"generation\": 1, \"bootOrder\": [\"LegacyNetworkAdapter\", \"Tape\"], \"networkAdapters\": []"));
        Assert.Single(result.Of("HV9001"));
        Assert.Empty(result.Of("HV3002"));
    }

    [Fact]
    public void Property_names_are_case_insensitive_and_PowerShell_integers_are_read()
    {
        var result = Run("{ \"Profile\": \"hyperv-2012r2\", \"VirtualMachines\": [ { \"VMName\": \"a\", \"Generation\": 2, \"NetworkAdapters\": [ { \"Name\": \"L\", \"IsLegacy\": true } ] } ] }");
        Assert.Empty(result.Of("HV9001"));
        Assert.Single(result.Of("HV3003"));
    }

    [Fact]
    public void UTF16_with_a_byte_order_mark_is_read()
    {
        string dir = Directory.CreateTempSubdirectory("hvlint").FullName;
        string path = Path.Combine(dir, "utf16.json");
        File.WriteAllText(path, Vm("\"processorCount\": 8"), new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        var doc = new HvLint.Engine.InputDocument(path, () => new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), true);
        try
        {
            var result = HvLint.Engine.Auditor.Run(new[] { doc }, new HvLint.Engine.AuditOptions());
            Assert.Single(result.Of("HV1001"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("", InputFormat.Unreadable)]
    [InlineData("   \n", InputFormat.Unreadable)]
    [InlineData("{ \"virtualMachines\": [] }", InputFormat.NativeInventory)]
    [InlineData("{ \"$schema\": \"x\", \"x-comment\": \"y\", \"hosts\": [] }", InputFormat.NativeInventory)]
    [InlineData("{ \"name\": \"package\", \"version\": \"1.0.0\" }", InputFormat.Unknown)]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\" />", InputFormat.Unknown)]
    [InlineData("{ \"hosts\": [ ", InputFormat.NativeInventory)]
    [InlineData("{ ,, }", InputFormat.Unreadable)]
    [InlineData("[ { \"Name\": \"web01\", \"Id\": \"x\", \"VMId\": \"x\", \"Generation\": 2, \"ProcessorCount\": 2 } ]", InputFormat.PowerShellJson)]
    [InlineData("{ \"VMName\": \"web01\", \"Name\": \"Network Adapter\", \"IsLegacy\": false, \"SwitchName\": \"s\" }", InputFormat.PowerShellJson)]
    [InlineData("[ [ { \"VMName\": \"a\", \"StartupOrder\": [3, 2] } ] ]", InputFormat.PowerShellJson)]
    [InlineData("[ { \"Name\": \"W32Time\", \"Status\": 4 } ]", InputFormat.Unknown)]
    [InlineData("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\" standalone=\"yes\"?>\r\n<configuration>\r\n  <properties>", InputFormat.VmConfigurationXml)]
    [InlineData("<INSTANCE CLASSNAME=\"Msvm_VirtualSystemSettingData\"><PROPERTY NAME=\"ElementName\" TYPE=\"string\"><VALUE>a</VALUE></PROPERTY></INSTANCE>", InputFormat.CimXml)]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE configuration [ <!ENTITY x \"y\"> ]><configuration/>", InputFormat.Unreadable)]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup /></Project>", InputFormat.Unknown)]
    public void Inputs_are_recognised_by_content(string head, InputFormat expected)
    {
        Assert.Equal(expected, InputFormatDetector.Detect(head).Format);
    }

    [Fact]
    public void A_file_of_an_unknown_format_named_on_the_command_line_is_reported_but_one_found_in_a_folder_is_skipped()
    {
        var named = HvLint.Engine.Auditor.Run(new[] { HvLint.Engine.InputDocument.FromText("package.json", "{ \"name\": \"x\" }", namedExplicitly: true) }, new HvLint.Engine.AuditOptions());
        Assert.Single(named.Of("HV9001"));

        var found = HvLint.Engine.Auditor.Run(new[] { HvLint.Engine.InputDocument.FromText("package.json", "{ \"name\": \"x\" }", namedExplicitly: false) }, new HvLint.Engine.AuditOptions());
        Assert.Empty(found.Findings);
        Assert.Equal(new[] { "package.json" }, found.SkippedFiles);
    }

    [Fact]
    public void A_value_that_is_absent_is_unknown_and_fires_nothing()
    {
        var result = Run("{ \"hosts\": [ { \"name\": \"h\", \"virtualMachines\": [ { \"name\": \"a\" } ] } ], \"virtualMachines\": [ { \"name\": \"b\" } ] }");
        Assert.Empty(result.Findings);
        Assert.Equal((1, 2), (result.Hosts, result.VirtualMachines));
    }
}
