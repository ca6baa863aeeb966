using System.Diagnostics;
using System.Globalization;
using System.Text;
using HvLint.Engine;
using HvLint.Reporting;
using Newtonsoft.Json;

// Benchmark: how long `hvlint audit` takes on large generated inventories, against the floor of only
// tokenising the same JSON with Newtonsoft's JsonTextReader. Targets (README): audit within 2x of the
// tokenizer pass, and under 300 MB working set at 100,000 VMs.
//
//   dotnet run -c Release --project bench/HvLint.Bench [-- 1000 10000 100000]

int[] sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : new[] { 1_000, 10_000, 100_000 };
string outDir = Path.Combine(AppContext.BaseDirectory, "inventories");
Directory.CreateDirectory(outDir);

Console.WriteLine("| VMs | hosts | file | tokenizer only | reader only | hvlint audit | audit / tokenizer | GC pause per audit | allocated per audit | findings | peak working set |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (int vms in sizes)
{
    string path = Path.Combine(outDir, "inventory-" + vms.ToString(CultureInfo.InvariantCulture) + ".json");
    if (!File.Exists(path)) InventoryGenerator.Write(path, vms);
    long bytes = new FileInfo(path).Length;

    // Warm up both paths (JIT, file cache), then take the median of three runs.
    Tokenize(path);
    Audit(path);
    double tokenize = Median(() => Tokenize(path));
    double read = Median(() => ReadOnly(path));
    int findings = 0;
    long allocatedBefore = GC.GetTotalAllocatedBytes();
    TimeSpan pauseBefore = GC.GetTotalPauseDuration();
    double audit = Median(() => findings = Audit(path));
    double allocatedPerAudit = (GC.GetTotalAllocatedBytes() - allocatedBefore) / 3.0;
    double pausePerAudit = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds / 3.0;
    Process.GetCurrentProcess().Refresh();
    long peak = Process.GetCurrentProcess().PeakWorkingSet64;
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0:N0} | {1:N0} | {2:N1} MB | {3:N0} ms | {4:N0} ms | {5:N0} ms | {6:N2} | {7:N0} ms | {8:N0} MB | {9:N0} | {10:N0} MB |",
        vms, (vms + InventoryGenerator.VmsPerHost - 1) / InventoryGenerator.VmsPerHost, bytes / 1048576.0, tokenize, read, audit, audit / tokenize, pausePerAudit, allocatedPerAudit / 1048576.0, findings, peak / 1048576.0));
}

// The cost of a pack of 50 rules on the largest inventory: the same audit with and without it.
{
    int largest = sizes.Max();
    string path = Path.Combine(outDir, "inventory-" + largest.ToString(CultureInfo.InvariantCulture) + ".json");
    HvLint.Packs.RulePack pack = HvLint.Packs.RulePack.Parse("bench-pack.json", BenchPack.Json(50));
    if (pack.Problems.Count > 0) throw new InvalidOperationException(pack.Problems[0].Value);
    var input = new InputDocument(path, () => new StreamReader(path, new UTF8Encoding(false, true), true, 1 << 16), namedExplicitly: true);
    var withPack = new AuditOptions();
    withPack.Packs.Add(pack);
    Auditor.Run(new[] { input }, withPack);
    double without = Median(() => Auditor.Run(new[] { input }, new AuditOptions()));
    int packFindings = 0;
    double with = Median(() => packFindings = Auditor.Run(new[] { input }, withPack).Findings.Count(f => f.Descriptor.Pack != null));
    Console.WriteLine();
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "50-rule pack on {0:N0} VMs: {1:N0} ms without, {2:N0} ms with (+{3:N0} ms, +{4:N0}%), {5:N0} pack findings",
        largest, without, with, with - without, (with - without) / without * 100, packFindings));
}

// Reading speed of each format HvLint reads, on copies of the shipped samples (MB/s of input).
Console.WriteLine();
Console.WriteLine("| format | files | input | audit | speed |");
Console.WriteLine("|---|---:|---:|---:|---:|");
string samples = FindSamples();
foreach (var (format, folder, extension, copies) in new[]
{
    ("native inventory", "datacenter", ".json", 200), ("PowerShell ConvertTo-Json", "powershell", ".json", 100), ("PowerShell Export-Clixml", "powershell", ".xml", 1000), ("PowerShell Export-Csv", "powershell", ".csv", 1000),
    ("VM configuration XML", "vmconfig", ".xml", 500), ("CIM-XML", "cimxml", ".xml", 500),
})
{
    var inputs = FormatCorpus.Build(Path.Combine(samples, folder), extension, copies);
    long size = inputs.Sum(i => (long)i.Text.Length); // characters; the samples are ASCII, so also bytes in UTF-8 (the CLIXML is UTF-16 on disk, twice that)
    var documents = inputs.Select(i => InputDocument.FromText(i.Path, i.Text)).ToList();
    Auditor.Run(documents, new AuditOptions());
    double ms = Median(() => Auditor.Run(documents, new AuditOptions()));
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:N0} | {2:N1} MB | {3:N0} ms | {4:N0} MB/s |", format, documents.Count, size / 1048576.0, ms, size / 1048576.0 / (ms / 1000)));
}

static string FindSamples()
{
    for (string? dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir))
    {
        if (Directory.Exists(Path.Combine(dir, "samples", "powershell"))) return Path.Combine(dir, "samples");
    }

    throw new DirectoryNotFoundException("samples/ not found above " + AppContext.BaseDirectory);
}

static double Median(Action run)
{
    var times = new List<double>();
    for (int i = 0; i < 3; i++)
    {
        GC.Collect();
        var sw = Stopwatch.StartNew();
        run();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return times[1];
}

static void Tokenize(string path)
{
    using var reader = new JsonTextReader(new StreamReader(path, Encoding.UTF8, true, 1 << 16)) { DateParseHandling = DateParseHandling.None };
    while (reader.Read())
    {
    }
}

static void ReadOnly(string path)
{
    // The native reader building the model, with no rules: separates reading cost from checking cost.
    using var text = new StreamReader(path, new UTF8Encoding(false, true), true, 1 << 16);
    new HvLint.Readers.NativeInventoryReader(new NullConsumer()).Read(path, text);
}

static int Audit(string path)
{
    // As the CLI does: stream the file through the reader and engine, then write the text report.
    var input = new InputDocument(path, () => new StreamReader(path, new UTF8Encoding(false, true), true, 1 << 16), namedExplicitly: true);
    AuditResult result = Auditor.Run(new[] { input }, new AuditOptions());
    TextReporter.Write(TextWriter.Null, result);
    return result.Findings.Count;
}

/// <summary>
/// Writes an inventory of 2012 R2 hosts with 250 VMs each, with the kinds of defects real estates have at
/// realistic rates (about one VM in ten has a finding), so that the engine's reporting path is measured too.
/// </summary>
internal static class InventoryGenerator
{
    public const int VmsPerHost = 250;

    public static void Write(string path, int vmCount)
    {
        using var w = new JsonTextWriter(new StreamWriter(path, false, new UTF8Encoding(false))) { Formatting = Formatting.Indented };
        w.WriteStartObject();
        w.WritePropertyName("profile"); w.WriteValue("hyperv-2012r2");
        w.WritePropertyName("hosts"); w.WriteStartArray();
        int vm = 0;
        for (int h = 0; vm < vmCount; h++)
        {
            w.WriteStartObject();
            Prop(w, "name", "HV" + h.ToString("D5", CultureInfo.InvariantCulture));
            Prop(w, "os", "Windows Server 2012 R2 Datacenter");
            Prop(w, "logicalProcessorCount", 64);
            Prop(w, "memoryCapacity", "1TB");
            Prop(w, "hardwareVirtualization", true); Prop(w, "dataExecutionPrevention", true); Prop(w, "x64", true); Prop(w, "secondLevelAddressTranslation", true);
            w.WritePropertyName("physicalNetworkAdapters"); w.WriteStartArray();
            foreach (var (name, role) in new[] { ("MGMT", "management"), ("VM1", "vm"), ("VM2", "vm"), ("ISCSI", "iscsi") })
            {
                w.WriteStartObject(); Prop(w, "name", name); Prop(w, "linkSpeed", "10 Gbps");
                w.WritePropertyName("roles"); w.WriteStartArray(); w.WriteValue(role); w.WriteEndArray(); w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WritePropertyName("virtualSwitches"); w.WriteStartArray();
            w.WriteStartObject(); Prop(w, "name", "VM-Traffic"); Prop(w, "switchType", "External"); Prop(w, "allowManagementOS", false);
            w.WritePropertyName("netAdapterNames"); w.WriteStartArray(); w.WriteValue("VM1"); w.WriteValue("VM2"); w.WriteEndArray(); w.WriteEndObject();
            w.WriteEndArray();
            w.WritePropertyName("virtualMachines"); w.WriteStartArray();
            for (int i = 0; i < VmsPerHost && vm < vmCount; i++, vm++) WriteVm(w, vm);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteVm(JsonTextWriter w, int n)
    {
        bool gen2 = n % 3 != 0;
        w.WriteStartObject();
        Prop(w, "name", "vm" + n.ToString("D6", CultureInfo.InvariantCulture));
        Prop(w, "id", new Guid(n, 0, 0, new byte[8]).ToString());
        Prop(w, "generation", gen2 ? 2 : 1);
        Prop(w, "configurationVersion", "5.0");
        Prop(w, "guestOperatingSystem", gen2 ? "Windows Server 2012 R2 Standard" : n % 2 == 0 ? "Windows Server 2008 R2 Standard" : "Windows Server 2003 R2 Enterprise Edition");
        Prop(w, "environment", n % 4 == 0 ? "production" : "test");
        Prop(w, "state", n % 5 == 0 ? "Off" : "Running");
        Prop(w, "processorCount", n % 97 == 0 ? 96 : 2 + n % 3);   // 1 in 97 above the 64 per-VM limit
        Prop(w, "memoryStartup", "8GB");
        Prop(w, "dynamicMemoryEnabled", true); Prop(w, "memoryMinimum", "1GB"); Prop(w, "memoryMaximum", "16GB");
        w.WritePropertyName("networkAdapters"); w.WriteStartArray();
        w.WriteStartObject(); Prop(w, "name", "Network Adapter"); Prop(w, "isLegacy", false); Prop(w, "switchName", "VM-Traffic");
        Prop(w, "macAddress", "00155D" + n.ToString("X6", CultureInfo.InvariantCulture)); Prop(w, "staticMacAddress", n % 10 == 0);
        w.WritePropertyName("vlan"); w.WriteStartObject(); Prop(w, "operationMode", "Access"); Prop(w, "accessVlanId", 10 + n % 50); w.WriteEndObject();
        w.WriteEndObject();
        if (!gen2 && n % 7 == 0)
        {
            w.WriteStartObject(); Prop(w, "name", "Legacy Network Adapter"); Prop(w, "isLegacy", true); Prop(w, "switchName", "VM-Traffic"); w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("hardDrives"); w.WriteStartArray();
        w.WriteStartObject(); Prop(w, "controllerType", gen2 ? "SCSI" : "IDE"); Prop(w, "controllerNumber", 0); Prop(w, "controllerLocation", 0);
        Prop(w, "path", "C:\\ClusterStorage\\Volume1\\vm" + n + "\\os.vhdx"); Prop(w, "size", "127GB"); w.WriteEndObject();
        w.WriteStartObject(); Prop(w, "controllerType", "SCSI"); Prop(w, "controllerNumber", 0); Prop(w, "controllerLocation", 1);
        Prop(w, "path", "C:\\ClusterStorage\\Volume1\\vm" + n + "\\data.vhdx"); Prop(w, "size", "500GB"); w.WriteEndObject();
        w.WriteEndArray();
        w.WritePropertyName("bootOrder"); w.WriteStartArray();
        foreach (string d in gen2 ? new[] { "HardDiskDrive", "NetworkAdapter" } : new[] { "CD", "IDE", "LegacyNetworkAdapter", "Floppy" }) w.WriteValue(d);
        w.WriteEndArray();
        w.WritePropertyName("integrationServices"); w.WriteStartObject();
        Prop(w, "installed", true); Prop(w, "version", "6.3.9600.16384"); Prop(w, "state", "Up to date");
        w.WritePropertyName("services"); w.WriteStartObject();
        foreach (string s in new[] { "Heartbeat", "Shutdown", "Time Synchronization", "Key-Value Pair Exchange", "VSS" }) Prop(w, s, !(s == "VSS" && n % 50 == 0));
        w.WriteEndObject(); w.WriteEndObject();
        Prop(w, "checkpointCount", n % 20 == 0 ? 2 : 0);
        Prop(w, "isClustered", true);
        w.WriteEndObject();
    }

    private static void Prop(JsonTextWriter w, string name, object value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }
}

internal sealed class NullConsumer : HvLint.Readers.IInventoryConsumer
{
    public void OnHost(HvLint.Model.Host host)
    {
    }

    public void OnVirtualMachine(HvLint.Model.VirtualMachine vm)
    {
    }

    public void OnProblem(HvLint.Rules.RuleDescriptor descriptor, HvLint.Model.SourceLocation location, string message)
    {
    }
}

/// <summary>
/// Many distinct copies of a sample folder: every GUID and name gets a copy number, so that the joined
/// inventory holds distinct VMs and hosts, as an estate-wide export would.
/// </summary>
internal static class FormatCorpus
{
    public static List<(string Path, string Text)> Build(string folder, string extension, int copies)
    {
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(extension, StringComparison.Ordinal) && !f.EndsWith("expected.json", StringComparison.Ordinal))
            .Select(f => (Path: System.IO.Path.GetRelativePath(folder, f), Text: File.ReadAllText(f)))
            .ToList();
        var result = new List<(string, string)>();
        for (int c = 0; c < copies; c++)
        {
            string tag = c.ToString("D4", CultureInfo.InvariantCulture);
            foreach (var (path, text) in files)
            {
                // Distinct identities per copy: GUID prefixes, host and VM names.
                string t = System.Text.RegularExpressions.Regex.Replace(text, "[0-9A-Fa-f]{8}-([0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}", m => tag + m.Value.Substring(4));
                t = t.Replace("HV-PS-0", "HV-PS-" + tag + "-").Replace("\"name\": \"", "\"name\": \"c" + tag + "-").Replace("\"Name\":  \"", "\"Name\":  \"c" + tag + "-").Replace("\"VMName\":  \"", "\"VMName\":  \"c" + tag + "-")
                    .Replace("N=\"Name\">", "N=\"Name\">c" + tag + "-").Replace("N=\"VMName\">", "N=\"VMName\">c" + tag + "-")
                    .Replace("\"ps5-", "\"c" + tag + "-ps5-");
                result.Add(("copy" + tag + "/" + path, t));
            }
        }

        return result;
    }
}

/// <summary>A pack of N rules in the shapes organisations write: VM fields, adapter collections, adapter targets, hosts.</summary>
internal static class BenchPack
{
    public static string Json(int count)
    {
        string[] shapes =
        {
            "\"target\": \"vm\", \"when\": { \"field\": \"environment\", \"equals\": \"production\" }, \"assert\": { \"field\": \"generation\", \"equals\": 2 }",
            "\"target\": \"vm\", \"assert\": { \"field\": \"memoryStartup\", \"lessOrEquals\": \"{N}GB\" }",
            "\"target\": \"vm\", \"assert\": { \"field\": \"networkAdapters\", \"allOf\": [ { \"field\": \"isLegacy\", \"equals\": false } ] }",
            "\"target\": \"networkAdapter\", \"when\": { \"field\": \"switchName\", \"equals\": \"VM-Traffic\" }, \"assert\": { \"field\": \"vlan.accessVlanId\", \"notIn\": [{N}, 4000] }",
            "\"target\": \"vm\", \"assert\": { \"anyOf\": [ { \"field\": \"name\", \"match\": \"^vm[0-9]+$\" }, { \"field\": \"isClustered\", \"equals\": true } ] }",
            "\"target\": \"host\", \"assert\": { \"field\": \"physicalNetworkAdapters\", \"greaterOrEquals\": 2 }",
        };
        var rules = new List<string>();
        for (int i = 0; i < count; i++)
        {
            string body = shapes[i % shapes.Length].Replace("{N}", (8 + i).ToString(CultureInfo.InvariantCulture));
            rules.Add("{ \"id\": \"BEN" + (100 + i).ToString(CultureInfo.InvariantCulture) + "\", \"title\": \"Bench rule " + i + "\", \"severity\": \"warning\", \"description\": \"d\", \"helpUri\": \"https://example.com\", " + body + ", \"message\": \"{name} fails\" }");
        }

        return "{ \"name\": \"bench\", \"rules\": [ " + string.Join(", ", rules) + " ] }";
    }
}
