#!/usr/bin/env bash
# Analyzer cost on a generated project of 500 provisioning files (not a test):
#   bash bench/analyzer-bench.sh
# Packs HvLint.Analyzers, builds the project with -p:ReportAnalyzer=true and prints the analyzer times the
# compiler reports next to the build's own time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
version="0.1.0-bench.$(date +%s)"
dotnet pack "$root/src/HvLint.Analyzers" -c Release -o "$work/feed" -p:Version="$version" --nologo -v:q >/dev/null

mkdir -p "$work/app"
cp "$root/samples/provisioning/PowerShellStandIn.cs" "$work/app/"
cat > "$work/app/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <HvLintProfile>hyperv-2012r2</HvLintProfile>
    <RestoreAdditionalProjectSources>$work/feed</RestoreAdditionalProjectSources>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="HvLint.Analyzers" Version="$version" PrivateAssets="all" />
  </ItemGroup>
</Project>
XML
for i in $(seq 1 500); do
  cat > "$work/app/Provisioner$i.cs" <<CS
using System.Management.Automation;
namespace Bench;
public static class Provisioner$i
{
    private const string Switch = "VM-Traffic";
    public static void Create(string name, int memoryGb)
    {
        using PowerShell ps = PowerShell.Create();
        ps.AddCommand("New-VM").AddParameter("Name", "vm$i").AddParameter("Generation", $(( i % 2 + 1 ))).AddParameter("SwitchName", Switch)
          .AddStatement().AddCommand("Set-VMProcessor").AddParameter("VMName", "vm$i").AddParameter("Count", $(( i % 8 + 1 )));
        ps.AddScript("Set-VMMemory -VMName vm$i -StartupBytes 4GB; Add-VMNetworkAdapter -VMName vm$i -SwitchName VM-Traffic -IsLegacy \$$( (( i % 10 == 0 )) && echo true || echo false )");
        for (int k = 0; k < memoryGb; k++) { name += k.ToString(); }
        ps.Invoke();
    }
}
CS
done
echo 'System.Console.WriteLine("bench");' > "$work/app/Program.cs"
sed -i 's/<TargetFramework>/<OutputType>Exe<\/OutputType><TargetFramework>/' "$work/app/App.csproj"

cd "$work/app"
dotnet restore --packages "$work/packages" -v:q >/dev/null
start=$(date +%s.%N)
dotnet build --no-restore --packages "$work/packages" -p:ReportAnalyzer=true -v:d -p:UseSharedCompilation=false > "$work/build.log" 2>&1 || true
end=$(date +%s.%N)
echo "build wall time: $(echo "$end - $start" | bc) s (500 files)"
grep -E "Total analyzer execution time|^ *[0-9.]+ +[0-9]+ +HvLint|HostedPowerShellAnalyzer|WmiAnalyzer|VmFileAnalyzer|error CS|Build succeeded|FAILED" "$work/build.log" | grep -v "/analyzer:" | sed "s/^ *//" | sort -u | head -20
echo "HvLint diagnostics: $(grep -c 'HV[0-9]\{4\}' "$work/build.log" || true)"
rm -rf "$work" # comment out to inspect the build log
