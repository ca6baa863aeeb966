using HvLint.Engine;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>
/// HV2007 from the Best Practices Analyzer's "Avoid storing Smart Paging files on a system disk" (hyperv-facts.md §5,
/// §8 row 35), for VMs that can use a Smart Paging file (Dynamic Memory, minimum below startup); Cluster Shared Volumes
/// under C:\ClusterStorage are not the system drive. The page's own examples run in DocumentationTests.
/// </summary>
public class HV2007Tests
{
    private const string Dynamic = "\"dynamicMemoryEnabled\": true, \"memoryMinimum\": \"512MB\", \"memoryStartup\": \"2GB\"";

    private static string OnHost(string systemDrive, string path, string memory = Dynamic) =>
        Host((systemDrive == null ? string.Empty : "\"systemDrive\": " + systemDrive + ", ")
            + "\"virtualMachines\": [ { \"name\": \"web01\", " + memory + ", \"smartPagingFilePath\": " + path + " } ]", "hyperv-2012r2");

    public static TheoryData<string, int> Cases => new()
    {
        { OnHost("\"C:\"", "\"C:\\\\ProgramData\\\\Microsoft\\\\Windows\\\\Hyper-V\""), 1 },
        { OnHost("\"C:\\\\\"", "\"c:\\\\vms\\\\web01\""), 1 },
        { OnHost("\"C:\"", "\"C:\\\\\""), 1 },
        // A data volume, a Cluster Shared Volume, a share; another drive whose name begins with the letter.
        { OnHost("\"C:\"", "\"D:\\\\Hyper-V\\\\web01\""), 0 },
        { OnHost("\"C:\"", "\"C:\\\\ClusterStorage\\\\Volume1\\\\web01\""), 0 },
        { OnHost("\"C:\"", "\"\\\\\\\\fs01\\\\vms\\\\web01\""), 0 },
        // Never used: static memory, or a minimum not below startup; or the minimum unknown.
        { OnHost("\"C:\"", "\"C:\\\\vms\"", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"2GB\""), 0 },
        { OnHost("\"C:\"", "\"C:\\\\vms\"", "\"dynamicMemoryEnabled\": true, \"memoryMinimum\": \"2GB\", \"memoryStartup\": \"2GB\""), 0 },
        { OnHost("\"C:\"", "\"C:\\\\vms\"", "\"dynamicMemoryEnabled\": true, \"memoryStartup\": \"2GB\""), 0 },
        // The host's system drive unknown; a VM with no host.
        { OnHost(null!, "\"C:\\\\vms\""), 0 },
        { Vm(Dynamic + ", \"smartPagingFilePath\": \"C:\\\\vms\"", "hyperv-2012r2"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV2007", json, expected);

    [Fact]
    public void From_Win32_OperatingSystem_and_Get_VM()
    {
        const string os = "[ { \"Caption\": \"Microsoft Windows Server 2016 Datacenter\", \"Version\": \"10.0.14393\", \"OSArchitecture\": \"64-bit\", \"CSName\": \"HV1\", \"SystemDrive\": \"C:\" } ]";
        static string GetVm(string path) =>
            "[ { \"Name\": \"web01\", \"Id\": \"6c1b2f0e-0000-4000-8000-0000000000a1\", \"VMId\": \"6c1b2f0e-0000-4000-8000-0000000000a1\", \"ComputerName\": \"HV1\", \"Generation\": 2, \"State\": 2, "
            + "\"DynamicMemoryEnabled\": true, \"MemoryMinimum\": 536870912, \"MemoryStartup\": 2147483648, \"Version\": \"8.0\", \"SmartPagingFilePath\": \"" + path + "\" } ]";

        AuditResult onSystem = RunFiles(new[] { ("os.json", os), ("vms.json", GetVm("C:\\\\ProgramData\\\\Microsoft\\\\Windows\\\\Hyper-V")) });
        Finding f = Assert.Single(onSystem.Of("HV2007"));
        Assert.Contains("on host 'HV1''s system drive C:", f.Message, StringComparison.Ordinal);
        Assert.Empty(RunFiles(new[] { ("os.json", os), ("vms.json", GetVm("C:\\\\ClusterStorage\\\\Volume1\\\\web01")) }).Of("HV2007"));
        // Without SystemDrive (exports made before the script collected it) the drive is unknown.
        Assert.Empty(RunFiles(new[] { ("os.json", os.Replace(", \"SystemDrive\": \"C:\"", string.Empty, StringComparison.Ordinal)), ("vms.json", GetVm("C:\\\\vms")) }).Of("HV2007"));
    }
}
