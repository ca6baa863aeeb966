using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace HvLint.Analyzers.Tests;

/// <summary>
/// Code as an editor holds it while it is typed: every C# snippet of these tests, cut off at points all through its
/// text, goes through the three analyzers, with the API stand-ins (types resolve) and without them (read by name).
/// None may throw: an exception is AD0001 in the IDE and a lost analysis.
/// </summary>
public partial class HalfTypedCodeTests
{
    [Fact]
    public async Task No_analyzer_throws_on_any_test_snippet_cut_short()
    {
        string folder = TestsFolder();
        var snippets = new List<string>();
        foreach (string file in Directory.GetFiles(folder, "*.cs"))
        {
            foreach (Match m in RawString().Matches(File.ReadAllText(file)))
            {
                snippets.Add(Markup().Replace(m.Groups[1].Value, string.Empty));
            }
        }

        Assert.True(snippets.Count > 50, "the snippets of the analyzer tests were not found in " + folder);
        SyntaxTree[] stubs = snippets.Where(s => s.Contains("namespace System.Management", StringComparison.Ordinal)).Select(s => CSharpSyntaxTree.ParseText(s)).ToArray();
        Assert.NotEmpty(stubs);

        ImmutableArray<MetadataReference> references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new HostedPowerShellAnalyzer(), new WmiAnalyzer(), new VmFileAnalyzer());
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new UnresolvedReferences());
        var failures = new ConcurrentBag<string>();
        int runs = 0;
        foreach (string snippet in snippets)
        {
            for (int cut = 1; cut <= snippet.Length; cut += Math.Max(1, snippet.Length / 12))
            {
                string typed = snippet.Substring(0, cut);
                foreach (bool withStubs in new[] { false, true })
                {
                    SyntaxTree[] trees = withStubs ? stubs.Prepend(CSharpSyntaxTree.ParseText(typed)).ToArray() : new[] { CSharpSyntaxTree.ParseText(typed) };
                    var compilation = CSharpCompilation.Create("Typing", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                    var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options,
                        (ex, analyzer, _) => failures.Add(analyzer.GetType().Name + ": " + ex.GetType().Name + " " + ex.Message + "\n--- on:\n" + typed), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
                    await withAnalyzers.GetAnalyzerDiagnosticsAsync();
                    runs++;
                }
            }
        }

        Assert.True(runs > 1000, runs + " runs");
        Assert.True(failures.IsEmpty, string.Join("\n\n", failures.Take(3)));
    }

    // A script written to hold every construct the script reader evaluates.
    private const string Constructs = "param([string]$Path = 'D:\\VMs')\r\n"
        + "function New-LabVM {\n  [CmdletBinding()]\n  param([string]$Name, [int]$Cpu = 2, [switch]$Legacy)\n"
        + "  New-VM -Name $Name -Generation 2 -Path $Path\n  Set-VMProcessor -VMName $Name -Count $Cpu\n"
        + "  if ($Legacy) { Add-VMNetworkAdapter -VMName $Name -IsLegacy $true } elseif (-not $Legacy) { } else { New-LabVM -Name x }\n}\n"
        + "function Get-Cpu($Vm) { 8 }\nfilter Twice { $_; $_ }\n"
        + "$notes = @\"\nNew-VM -Name text -Generation 2\n\"@\n@'\nverbatim '@ text\n'@ | Set-Content n.txt\n"
        + "$settings = @{ Name = 'splat01'; Generation = 2 }\nNew-VM @settings\n"
        + "foreach ($n in 'a', 'b') { New-LabVM -Name $n -Cpu 70 -Legacy:$false }\n"
        + "1..3 | ForEach-Object { New-LabVM \"db0$_\" 66 }\nNew-LabVM -Name 'lab01' | Set-VMMemory -StartupBytes 1GB\n"
        + "if ($true) { if ($false) { New-VM -Name never } }\n"
        + ". $PSScriptRoot\\Lib.ps1\nImport-Module (Join-Path $PSScriptRoot 'Tools.psm1')\n$rows = Import-Csv \"$PSScriptRoot\\vms.csv\" -Delimiter ';'\n"
        + "foreach ($r in $rows) { New-LabVM -Name $r.Name -Cpu $r.Cpu; Add-Nic $r.Name }\n"
        + "Import-Csv .\\vms.csv -Header A, B | % { Lib-Vm $_.A }\n# hvlint-disable-next-line HV1001: typed\nNew-VM -Name x `\n  -Generation 2\n"
        + "$lab = Get-Content $PSScriptRoot\\lab.json -Raw | ConvertFrom-Json\nforeach ($vm in $lab.VMs) { New-VM -Name $vm.Name -Generation $lab.Defaults.Gen }\n"
        + "$lab.VMs | % { Set-VMProcessor -VMName $_.Name -Count $_.Cpu.Count }\n$two = ConvertFrom-Json -InputObject (gc (Join-Path $PSScriptRoot lab.json))\n"
        + "$sizes = @{ 'k1' = 2; k2 = '8' }\nforeach ($k in $sizes.Keys) { New-LabVM -Name $k -Cpu ([int]$sizes[$k]) }\n"
        + "$sizes.GetEnumerator() | % { Lib-Vm $_.Key; $sizes[\"$($_.Key)\"] }\n"
        + "foreach ($vm in $lab.VMs) { if ($vm.Name -eq 'j1') { Lib-Vm $vm.Name } elseif (!$vm.Cpu) { } elseif ('02' -ne $vm.Cpu) { } }\n"
        + "foreach ($vm in $lab.VMs) { if (($vm.Cpu -gt 2 -or $vm.Name -like 'j*') -and -not ($vm.Name -cin 'a', \"b\") -xor $null -ne $(Get-Date)) { Lib-Vm $vm.Name } elseif ($vm.Name -match '^j[0-9]+$' -or (Test-Path $vm.Name)) { } elseif ((1, 2), 'j1' -contains $vm.Name) { } }\n"
        + "$lab.VMs | Where-Object { $_.Cpu -ge 2 } |\n  ? Name -Like j* | where -Property Cpu -EQ -Value 4 | ForEach-Object { Lib-Vm $_.Name }\n"
        + "foreach ($vm in $lab.VMs) { switch -Regex ($vm.Name) { '^j1' { Lib-Vm $_; break } { $_ -like 'j*' } { } default { Lib-Vm x } }; switch($vm.Cpu){ 4 {} \"2\" {} } }\n";

    // The files Constructs brings in: a script it dot-sources, a module it imports, the CSV and the settings it reads.
    private static readonly Dictionary<string, string> Brought = new()
    {
        ["hvlint/Lib.ps1"] = "$libVar = 1\nfunction Lib-Vm($n) { New-VM -Name $n -Generation 2; Set-VMProcessor -VMName $n -Count 70 }\n",
        ["hvlint/Tools.psm1"] = "function Add-Nic($v) { Add-VMNetworkAdapter -VMName $v -IsLegacy $true }\n",
        ["hvlint/vms.csv"] = "#TYPE x\nName;Cpu\nr1;70\n\"r\"\"2\";\"8\"\n\nr3\n",
        ["hvlint/lab.json"] = "{ \"Defaults\": { \"Gen\": 2, \"x\": [1, \"a\", true, null, 1.5] }, \"VMs\": [ { \"Name\": \"j1\", \"Cpu\": 70 }, { \"Name\": \"j2\", \"Cpu\": { \"Count\": 8 } } ] }\n",
    };

    /// <summary>
    /// A provisioning script as an editor holds it while it is typed: the repository's sample scripts, and one written to
    /// hold every construct the script reader evaluates (functions and their calls, if/elseif/else, here-strings, loops,
    /// splats, the files it dot-sources, imports and reads with Import-Csv), cut off at points all through their text;
    /// then that script whole, with each file it brings in cut off. The script analyzer may not throw on any of them.
    /// </summary>
    [Fact]
    public async Task The_script_analyzer_does_not_throw_on_any_script_cut_short()
    {
        var failures = new ConcurrentBag<string>();
        int runs = 0;
        foreach ((string script, int step) in Scripts())
        {
            for (int cut = 1; cut <= script.Length; cut += step)
            {
                await RunScriptAnalyzer(script.Substring(0, cut), Brought, failures);
                runs++;
            }
        }

        foreach (KeyValuePair<string, string> file in Brought)
        {
            for (int cut = 0; cut <= file.Value.Length; cut++)
            {
                await RunScriptAnalyzer(Constructs, new Dictionary<string, string>(Brought) { [file.Key] = file.Value.Substring(0, cut) }, failures);
                runs++;
            }
        }

        Assert.True(runs > Constructs.Length, runs + " runs");
        Assert.True(failures.IsEmpty, string.Join("\n\n", failures.Take(3)));
    }

    /// <summary>
    /// The same scripts as they look half-edited: characters that steer the reader (quotes, brackets, $, @, backticks,
    /// pipes, separators, line breaks) inserted, deleted or put in the place of others at random points, a few at a
    /// time. A fixed seed, so that a failure repeats. The script analyzer may not throw on any of them either.
    /// </summary>
    [Fact]
    public async Task The_script_analyzer_does_not_throw_on_scripts_with_characters_inserted_or_removed()
    {
        const string Steering = "'\"(){}[]$@`|;#<>,.=-\n\r\t %";
        var random = new Random(20261128);
        var failures = new ConcurrentBag<string>();
        int runs = 0;
        foreach ((string script, int _) in Scripts())
        {
            for (int round = 0; round < 150; round++)
            {
                var edited = new System.Text.StringBuilder(script);
                for (int edit = random.Next(1, 4); edit > 0 && edited.Length > 0; edit--)
                {
                    int at = random.Next(edited.Length);
                    char c = Steering[random.Next(Steering.Length)];
                    switch (random.Next(3))
                    {
                        case 0: edited.Insert(at, c); break;
                        case 1: edited.Remove(at, 1); break;
                        default: edited[at] = c; break;
                    }
                }

                await RunScriptAnalyzer(edited.ToString(), Brought, failures);
                runs++;
            }
        }

        Assert.True(runs >= 600, runs + " runs");
        Assert.True(failures.IsEmpty, string.Join("\n\n", failures.Take(3)));
    }

    /// <summary>Constructs, and the repository's sample scripts, each with the step to cut it at.</summary>
    private static List<(string Text, int Step)> Scripts()
    {
        var scripts = new List<(string Text, int Step)> { (Constructs, 1) };
        foreach (string file in Directory.GetFiles(Path.Combine(TestsFolder(), "..", "..", "samples"), "*.ps1", SearchOption.AllDirectories))
        {
            string text = File.ReadAllText(file);
            scripts.Add((text, Math.Max(1, text.Length / 60)));
        }

        Assert.True(scripts.Count >= 4, "the sample scripts were not found");
        return scripts;
    }

    /// <summary>Runs the script analyzer on <paramref name="typed"/> with <paramref name="files"/> beside it, noting each exception.</summary>
    private static async Task RunScriptAnalyzer(string typed, Dictionary<string, string> files, ConcurrentBag<string> failures)
    {
        var additional = new List<AdditionalText> { new ScriptFile(typed) };
        additional.AddRange(files.Select(f => (AdditionalText)new ScriptFile(f.Value, f.Key)));
        var options = new AnalyzerOptions(additional.ToImmutableArray(), new UnresolvedReferences());
        var compilation = CSharpCompilation.Create("Typing", new[] { CSharpSyntaxTree.ParseText("class C { }") });
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PowerShellScriptFileAnalyzer()), new CompilationWithAnalyzersOptions(options,
            (ex, analyzer, _) => failures.Add(ex.GetType().Name + " " + ex.Message + ex.StackTrace + "\n--- on:\n" + typed), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    }

    private sealed class ScriptFile(string text, string path = "hvlint/New-LabVMs.ps1") : AdditionalText
    {
        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    private static string TestsFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    // The snippets: raw string literals ("""...""") of the test files, with the test markup ({|HV3001:...|}, {|#0:...|}) taken out.
    [GeneratedRegex("\"\"\"\\r?\\n(.*?)\"\"\"", RegexOptions.Singleline)]
    private static partial Regex RawString();

    [GeneratedRegex(@"\{\|[^:|]*:|\|\}")]
    private static partial Regex Markup();

    /// <summary>As the CLI compiles code without its references: the analyzers read it by name rather than leave.</summary>
    private sealed class UnresolvedReferences : AnalyzerConfigOptionsProvider
    {
        private static readonly Global Options = new Global();

        public override AnalyzerConfigOptions GlobalOptions => Options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options;

        private sealed class Global : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = key == AnalyzerSettings.UnresolvedReferences ? "true" : string.Empty;
                return key == AnalyzerSettings.UnresolvedReferences;
            }
        }
    }
}
