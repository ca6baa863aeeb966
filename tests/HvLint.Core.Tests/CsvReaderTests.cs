using HvLint.Engine;
using HvLint.Readers;
using static HvLint.Tests.Audit;

namespace HvLint.Tests;

/// <summary>
/// Export-Csv output of the Hyper-V cmdlets (Get-VM | Export-Csv vms.csv), read as their ConvertTo-Json output is. The
/// fixtures are written by hand in Export-Csv's shape: Windows PowerShell 5.1's #TYPE line, quoted fields and CRLF, and
/// PowerShell 7 with -UseCulture (';') and -UseQuotes Never.
/// </summary>
public class CsvReaderTests
{
    private const string Lists = "\"System.Collections.Generic.List`1[Microsoft.HyperV.PowerShell.VMNetworkAdapter]\",\"System.Collections.Generic.List`1[Microsoft.HyperV.PowerShell.HardDiskDrive]\",\"System.Collections.Generic.List`1[Microsoft.HyperV.PowerShell.DvdDrive]\"";

    // Get-VM of a Generation 2 VM with 72 vCPUs, left paused; its notes span two lines, and its name holds quotes.
    private const string Vms = "#TYPE Microsoft.HyperV.PowerShell.VirtualMachine\r\n"
        + "\"Name\",\"VMId\",\"ComputerName\",\"Generation\",\"Notes\",\"ProcessorCount\",\"MemoryStartup\",\"State\",\"DynamicMemoryEnabled\",\"Version\",\"NetworkAdapters\",\"HardDrives\",\"DVDDrives\"\r\n"
        + "\"app \"\"01\"\"\",\"6f1e2c3a-0000-4000-8000-000000000001\",\"HV1\",\"2\",\"web tier,\r\nmoved from HV0\",\"72\",\"4294967296\",\"Paused\",\"False\",\"5.0\"," + Lists + "\r\n";

    // Get-VMNetworkAdapter -VMName * | Export-Csv -UseCulture -UseQuotes Never (PowerShell 7, a German host): its legacy adapter.
    private const string Adapters = "VMName;VMId;ComputerName;Name;IsLegacy;IsManagementOs;SwitchName;MacAddress;DynamicMacAddressEnabled\n"
        + "app \"01\";6f1e2c3a-0000-4000-8000-000000000001;HV1;Legacy Network Adapter;True;False;External;00155D010101;True\n";

    private const string Drives = "\"VMName\",\"VMId\",\"ComputerName\",\"ControllerType\",\"ControllerNumber\",\"ControllerLocation\",\"Path\",\"DiskNumber\"\n"
        + "\"app \"\"01\"\"\",\"6f1e2c3a-0000-4000-8000-000000000001\",\"HV1\",\"SCSI\",\"0\",\"0\",\"D:\\VMs\\app01.vhdx\",\"\"\n";

    [Fact]
    public void Get_VM_and_its_adapter_written_by_Export_Csv_give_the_findings_their_JSON_gives()
    {
        AuditResult result = RunFiles(new[] { ("vms.csv", Vms), ("adapters.csv", Adapters), ("drives.csv", Drives) }, "hyperv-2012r2");
        Assert.Empty(result.Of("HV9001"));
        Assert.Empty(result.Of("HV9002"));
        Assert.Equal(1, result.VirtualMachines);
        // 72 vCPUs (2012 R2: 64 for Generation 2), at the field that says so, on the line after the notes' line break; the name's quotes undoubled.
        Finding processors = Assert.Single(result.Of("HV1001"));
        Assert.Contains("VM 'app \"01\"' has 72 virtual processors", processors.Message, StringComparison.Ordinal);
        Assert.Equal(("vms.csv", 4, 17), (processors.Location.Path, processors.Location.Line, processors.Location.Column));
        // The legacy adapter (IsLegacy True, text) on Generation 2, and State by its name, Paused.
        Finding legacy = Assert.Single(result.Of("HV3003"));
        Assert.Equal(("adapters.csv", 2, 74), (legacy.Location.Path, legacy.Location.Line, legacy.Location.Column));
        Finding paused = Assert.Single(result.Of("HV6006"));
        Assert.Equal(("vms.csv", 4, 35), (paused.Location.Path, paused.Location.Line, paused.Location.Column));
    }

    [Fact]
    public void A_VM_whose_adapters_or_drives_no_other_file_gives_is_HV9002_once_for_its_file_naming_it()
    {
        // Without the drives' CSV, the VM's drives are only the type name Export-Csv wrote: unknown, and said so.
        AuditResult result = RunFiles(new[] { ("vms.csv", Vms), ("adapters.csv", Adapters) }, "hyperv-2012r2");
        Finding gap = Assert.Single(result.Of("HV9002"));
        Assert.Equal(("vms.csv", 1, 1), (gap.Location.Path, gap.Location.Line, gap.Location.Column));
        Assert.Contains("network adapters or drives of 1 VM here are unknown (app \"01\")", gap.Message, StringComparison.Ordinal);
        Assert.Contains("Get-VMHardDiskDrive -VMName *", gap.Message, StringComparison.Ordinal);
        // The rest is still read: the adapter from its own file.
        Assert.Single(result.Of("HV3003"));
    }

    [Fact]
    public void A_quote_never_closed_or_a_property_named_twice_is_HV9001_where_it_is_and_the_other_files_are_audited()
    {
        string unclosed = Vms.Replace("DvdDrive]\"\r\n", "DvdDrive]\r\n", StringComparison.Ordinal);
        string twice = Vms.Replace("\"Version\"", "\"version\"", StringComparison.Ordinal).Replace("\"Notes\"", "\"VERSION\"", StringComparison.Ordinal);
        AuditResult result = RunFiles(new[] { ("a.csv", unclosed), ("b.csv", twice), ("c.csv", Vms), ("adapters.csv", Adapters) }, "hyperv-2012r2");
        Assert.Equal(
            new[] { "a.csv:4:219 a quoted value that is never closed", "b.csv:2:117 the header names 'version' twice" },
            result.Of("HV9001").Select(f => f.Location.Path + ":" + f.Location.Line + ":" + f.Location.Column + " " + f.Message).Order(StringComparer.Ordinal));
        // The intact copy and the adapters: the VM and its legacy adapter on Generation 2.
        Assert.Single(result.Of("HV1001"));
        Assert.Single(result.Of("HV3003"));
    }

    [Fact]
    public void Select_Object_s_copies_are_read_as_the_type_their_TYPE_line_names()
    {
        // Get-VM | Select-Object Name, Generation, ProcessorCount, Version | Export-Csv: these names alone tell no cmdlet.
        const string selected = "#TYPE Selected.Microsoft.HyperV.PowerShell.VirtualMachine\r\n\"Name\",\"Generation\",\"ProcessorCount\",\"Version\"\r\n\"sql01\",\"1\",\"72\",\"5.0\"\r\n";
        AuditResult result = RunFiles(new[] { ("inventory.csv", selected) }, "hyperv-2012r2");
        Finding processors = Assert.Single(result.Of("HV1001"));
        Assert.Contains("VM 'sql01' has 72 virtual processors", processors.Message, StringComparison.Ordinal);
        Assert.Equal(("inventory.csv", 3, 13), (processors.Location.Path, processors.Location.Line, processors.Location.Column));
        Assert.Contains("A CSV file holds no nested objects", Assert.Single(result.Of("HV9002")).Message, StringComparison.Ordinal);

        // Without the line (-NoTypeInformation), such a list is not told from a script's list of VMs to make.
        AuditResult untyped = RunFiles(new[] { ("inventory.csv", selected.Substring(selected.IndexOf('\n', StringComparison.Ordinal) + 1)) }, "hyperv-2012r2");
        Assert.Equal(0, untyped.VirtualMachines);
        Assert.Contains("unsupported format", Assert.Single(untyped.Of("HV9001")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#TYPE Microsoft.HyperV.PowerShell.VirtualMachine\r\n\"Name\",\"Id\"\r\n", InputFormat.PowerShellCsv)]
    [InlineData("#TYPE Deserialized.Microsoft.HyperV.PowerShell.VMNetworkAdapter\r\n\"Name\"\r\n", InputFormat.PowerShellCsv)]
    [InlineData("#TYPE Selected.Microsoft.HyperV.PowerShell.VirtualMachine\r\n\"Name\",\"ProcessorCount\"\r\n", InputFormat.PowerShellCsv)]
    // PowerShell 7 writes no #TYPE: the header's names tell, whatever the delimiter.
    [InlineData("\"VMName\";\"Name\";\"IsLegacy\";\"SwitchName\"\r\n\"a\";\"b\";\"False\";\"c\"\r\n", InputFormat.PowerShellCsv)]
    [InlineData("Name\tVMId\tGeneration\tProcessorCount\n", InputFormat.PowerShellCsv)]
    // A list a script reads, and another type's export, are no Hyper-V objects.
    [InlineData("Room,Name,MemoryStartup,Vlan\nA,tr-a01,2GB,110\n", InputFormat.Unknown)]
    [InlineData("#TYPE System.Diagnostics.Process\r\n\"Name\",\"Id\"\r\n", InputFormat.Unknown)]
    public void Export_Csv_is_told_by_its_type_line_or_by_the_Hyper_V_names_of_its_header(string head, InputFormat expected)
    {
        Assert.Equal(expected, InputFormatDetector.Detect(head).Format);
    }
}

/// <summary>
/// The CSV fields both the Export-Csv reader and the scripts' Import-Csv read, as Import-Csv reads them
/// (PowerShell's ImportCsvHelper: blanks before a field skipped, text after a closing quote kept unless only blanks).
/// </summary>
public class CsvTextTests
{
    private static List<(string Text, int Line, int Column)> Fields(string text, char delimiter = ',')
    {
        var csv = new CsvText(text);
        var all = new List<(string, int, int)>();
        while (!csv.AtEnd)
        {
            if (csv.AtLineBreak)
            {
                csv.SkipLine();
                continue;
            }

            all.AddRange(csv.Record(delimiter)!.Select(f => (f.Text, f.Line, f.Column)));
        }

        return all;
    }

    [Fact]
    public void Quoted_fields_hold_delimiters_line_breaks_and_doubled_quotes_and_each_field_has_its_position()
    {
        Assert.Equal(
            new[] { ("a,b", 1, 1), ("say \"hi\"", 1, 7), ("two\r\nlines", 1, 20), ("x", 2, 8), ("last", 3, 1), ("cr", 4, 1) },
            Fields("\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",x\nlast\rcr"));
    }

    [Fact]
    public void Blanks_before_a_field_are_skipped_and_text_after_a_closing_quote_is_kept_unless_it_is_only_blanks()
    {
        Assert.Equal(
            new[] { ("a", 1, 3), ("b", 1, 7), ("c d", 1, 15), ("e\"f\"", 1, 19), ("gh", 1, 24) },
            Fields("  a,  \"b\"  ,  c d,e\"f\",\"g\"h"));
    }

    [Fact]
    public void A_quote_that_never_closes_is_no_record_and_says_where_it_opened()
    {
        var csv = new CsvText("a;b\r\nc;\"d;e\r\nf\r\n");
        Assert.Equal(2, csv.Record(';')!.Count);
        Assert.Null(csv.Record(';'));
        Assert.Equal((2, 3), csv.Unclosed);
    }

    [Theory]
    [InlineData("\"Name\",\"VMId\"", ',')]
    [InlineData("\"Name\";\"VMId\";\"Generation\"", ';')]
    [InlineData("Name\tVMId", '\t')]
    [InlineData("\"a;b\",\"c\",\"d\"", ',')]
    [InlineData("Name", ',')]
    public void The_delimiter_is_the_one_the_header_has_most_of_outside_quotes(string header, char expected)
    {
        Assert.Equal(expected, CsvText.Delimiter(header));
    }
}
