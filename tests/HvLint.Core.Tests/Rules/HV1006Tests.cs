using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV1006 at the Best Practices Analyzer's required amounts (hyperv-facts.md §1.3), and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV1006Tests
{
    private static string Guest(string os, string memory) => Vm("\"guestOperatingSystem\": \"" + os + "\", " + memory);

    public static TheoryData<string, int> Cases => new()
    {
        // Static memory: 512 MB for Vista, 2008 and later, clients and servers alike.
        { Guest("Windows Server 2008 R2 Enterprise", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"511MB\""), 1 },
        { Guest("Windows Server 2008 R2 Enterprise", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"512MB\""), 0 },
        { Guest("Windows 10 Enterprise", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"256MB\""), 1 },
        { Guest("Windows 11 Pro", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"256MB\""), 1 },
        { Guest("Windows Server 2025 Datacenter", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"256MB\""), 1 },
        // Windows Server 2003: 128 MB; Windows XP: 64 MB, and XP has no Dynamic Memory rule, so its startup memory is held to the static amount.
        { Guest("Windows Server 2003 R2 Standard Edition", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"128MB\""), 0 },
        { Guest("Windows Server 2003 R2 Standard Edition", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"96MB\""), 1 },
        { Guest("Windows XP Professional", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"64MB\""), 0 },
        { Guest("Windows XP Professional", "\"dynamicMemoryEnabled\": true, \"memoryStartup\": \"32MB\", \"memoryMinimum\": \"16MB\""), 1 },
        // Dynamic Memory: minimum 256 MB, startup and maximum 512 MB; each below is a finding of its own.
        { Guest("Windows Server 2012 R2 Standard", "\"dynamicMemoryEnabled\": true, \"memoryMinimum\": \"256MB\", \"memoryStartup\": \"512MB\", \"memoryMaximum\": \"512MB\""), 0 },
        { Guest("Windows Server 2012 R2 Standard", "\"dynamicMemoryEnabled\": true, \"memoryMinimum\": \"255MB\", \"memoryStartup\": \"512MB\", \"memoryMaximum\": \"4GB\""), 1 },
        { Guest("Windows Server 2012 R2 Standard", "\"dynamicMemoryEnabled\": true, \"memoryMinimum\": \"128MB\", \"memoryStartup\": \"384MB\", \"memoryMaximum\": \"384MB\""), 3 },
        { Guest("Windows Server 2003 Enterprise Edition", "\"dynamicMemoryEnabled\": true, \"memoryMinimum\": \"128MB\", \"memoryStartup\": \"128MB\", \"memoryMaximum\": \"128MB\""), 0 },
        { Guest("Windows Server 2003 Enterprise Edition", "\"dynamicMemoryEnabled\": true, \"memoryMinimum\": \"64MB\", \"memoryStartup\": \"128MB\", \"memoryMaximum\": \"1GB\""), 1 },
        // With the setting unknown, the startup memory is still checked (the static and the Dynamic Memory startup amounts are the same); the minimum is not.
        { Guest("Windows 7 Enterprise", "\"memoryStartup\": \"256MB\", \"memoryMinimum\": \"64MB\""), 1 },
        { Guest("Windows 7 Enterprise", "\"memoryStartup\": \"512MB\", \"memoryMinimum\": \"64MB\""), 0 },
        // Guests without a rule, and unknown facts.
        { Guest("Windows 2000 Server", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"32MB\""), 0 },
        { Guest("Ubuntu 22.04", "\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"256MB\""), 0 },
        { Vm("\"dynamicMemoryEnabled\": false, \"memoryStartup\": \"256MB\""), 0 },
        { Guest("Windows Server 2016 Standard", "\"dynamicMemoryEnabled\": false"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV1006", json, expected);
}
