using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV1007 at the Best Practices Analyzer's recommended amounts (hyperv-facts.md §1.3), and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV1007Tests
{
    private static string Guest(string os, string memory) => Vm("\"guestOperatingSystem\": \"" + os + "\", " + memory);

    public static TheoryData<string, int> Cases => new()
    {
        // Static memory: 2 GB for server guests, 1 GB for clients, 256 MB for 2003, 128 MB for XP.
        { Guest("Windows Server 2016 Standard", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"1GB\""), 1 },
        { Guest("Windows Server 2016 Standard", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"2GB\""), 0 },
        { Guest("Windows Server 2008 Standard", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"1536MB\""), 1 },
        { Guest("Windows 10 Enterprise", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"1GB\""), 0 },
        { Guest("Windows Vista Business", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"768MB\""), 1 },
        { Guest("Windows Server 2003 R2 Standard Edition", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"192MB\""), 1 },
        { Guest("Windows Server 2003 R2 Standard Edition", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"256MB\""), 0 },
        { Guest("Windows XP Professional", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"96MB\""), 1 },
        { Guest("Windows XP Professional", "\"memoryStartup\": \"128MB\""), 0 },
        // Below the requirement is HV1006's, not reported twice.
        { Guest("Windows Server 2016 Standard", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"256MB\""), 0 },
        // Dynamic Memory: the maximum is what is recommended, not the startup.
        { Guest("Windows Server 2012 R2 Standard", "\"dynamicMemoryEnabled\": true, \"memoryMinimum\": \"512MB\", \"memoryStartup\": \"512MB\", \"memoryMaximum\": \"1GB\""), 1 },
        { Guest("Windows Server 2012 R2 Standard", "\"dynamicMemoryEnabled\": true, \"memoryMinimum\": \"512MB\", \"memoryStartup\": \"512MB\", \"memoryMaximum\": \"2GB\""), 0 },
        { Guest("Windows 8.1 Enterprise", "\"dynamicMemoryEnabled\": true, \"memoryMinimum\": \"256MB\", \"memoryStartup\": \"512MB\", \"memoryMaximum\": \"1GB\""), 0 },
        { Guest("Windows Server 2003 Enterprise Edition", "\"dynamicMemoryEnabled\": true, \"memoryMinimum\": \"128MB\", \"memoryStartup\": \"128MB\", \"memoryMaximum\": \"192MB\""), 1 },
        // With the setting unknown nothing is said: static and dynamic are recommended different things.
        { Guest("Windows Server 2016 Standard", "\"memoryStartup\": \"1GB\""), 0 },
        { Guest("Red Hat Enterprise Linux 8", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"1GB\""), 0 },
        { Vm("\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"1GB\""), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV1007", json, expected);
}
