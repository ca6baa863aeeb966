#!/usr/bin/env bash
# Analyzer cost on a generated project of 500 provisioning files (not a test):
#   bash bench/analyzer-bench.sh          # FILES=50 bash bench/analyzer-bench.sh for another size
#   Prints HvLint's time in the builds as the compiler reports it, in the compile replayed alone (one thread), and,
#   where perf is installed and allowed, HvLint's CPU time in the compile as a build runs it: the low-noise figure.
#   OTHER=2000 adds that many files of ordinary code (five methods each that never provision a VM), as in a real
#   project where provisioning is a small part of the code.
#   BASELINE=<git revision> also packs the analyzers of that revision and builds the same project with them,
#   interleaved with the builds above, so that a change is told apart from the machine's noise.
#   PROFILE=1 (with perf) also prints where HvLint's CPU goes in the compile, by method and by what it calls.
#   KEEP=1 keeps the work folder (the generated project, build logs, perf outputs) and prints where it is.
# Packs HvLint.Analyzers, builds the project with -p:ReportAnalyzer=true, and prints the analyzer times the
# compiler reports next to the compile's own time, and what the compile costs with and without the package; on a
# platform the package has ReadyToRun images for, also HvLint's time with the IL assemblies instead.
set -euo pipefail
files="${FILES:-500}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
version="0.1.0-bench.$(date +%s)"
dotnet pack "$root/src/HvLint.Analyzers" -c Release -o "$work/feed" -p:Version="$version" --nologo -v:q >/dev/null
if [ -n "${BASELINE:-}" ]; then
  git -C "$root" worktree add --detach "$work/baseline-src" "$BASELINE" > /dev/null 2>&1
  dotnet pack "$work/baseline-src/src/HvLint.Analyzers" -c Release -o "$work/feed" -p:Version="$version-base" --nologo -v:q >/dev/null
fi

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
for i in $(seq 1 "$files"); do
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
          .AddStatement().AddCommand("Set-VMProcessor").AddParameter("VMName", "vm$i").AddParameter("Count", $(( i % 50 == 0 ? 65 : i % 8 + 1 )));
        ps.AddScript("Set-VMMemory -VMName vm$i -StartupBytes 4GB; Add-VMNetworkAdapter -VMName vm$i -SwitchName VM-Traffic -IsLegacy \$$( (( i % 10 == 0 )) && echo true || echo false )");
        for (int k = 0; k < memoryGb; k++) { name += k.ToString(); }
        ps.Invoke();
    }
}
CS
done
for i in $(seq 1 "${OTHER:-0}"); do
  cat > "$work/app/Other$i.cs" <<CS
using System.Collections.Generic;
using System.Linq;
namespace Bench;
public sealed class Inventory$i
{
    private readonly List<string> _names = new();
    private readonly Dictionary<string, int> _counts = new();
    public void Add(string name) { _names.Add(name); _counts[name] = _counts.TryGetValue(name, out int n) ? n + 1 : 1; }
    public int Count(string name) => _counts.TryGetValue(name, out int n) ? n : 0;
    public IEnumerable<string> Sorted() => _names.OrderBy(x => x, System.StringComparer.Ordinal);
    public string Describe() { var text = new System.Text.StringBuilder(); foreach (string n in _names) text.Append(n).Append(','); return text.ToString(); }
    public bool Remove(string name) { if (!_counts.ContainsKey(name)) return false; _counts.Remove(name); return _names.Remove(name); }
}
CS
done
echo 'System.Console.WriteLine("bench");' > "$work/app/Program.cs"
# The findings as warnings, so that the build completes (emits) as an ordinary build does.
printf 'root = true\n[*.cs]\ndotnet_diagnostic.HV1001.severity = warning\n' > "$work/app/.editorconfig"
sed -i 's/<TargetFramework>/<OutputType>Exe<\/OutputType><TargetFramework>/' "$work/app/App.csproj"

# The same project without HvLint, to see what the package adds to the compiler's own time (the first analyzer
# that asks for a method's semantics pays for binding it, so HvLint's reported time includes work another
# analyzer would otherwise do).
cp -r "$work/app" "$work/bare"
sed -i '/HvLint.Analyzers/d; /HvLintProfile/d' "$work/bare/App.csproj"
if [ -n "${BASELINE:-}" ]; then
  cp -r "$work/app" "$work/base"
  sed -i "s/Version=\"$version\"/Version=\"$version-base\"/" "$work/base/App.csproj"
fi

csc_ms() { # the Csc task's time in a build log (performance summary)
  grep -E '^ +[0-9]+ ms +Csc ' "$1" | head -1 | awk '{print $1}'
}
build() { # build <dir> <log> [shared] [msbuild args]: a full compile with analyzer timings, in a compiler process of its own unless shared=true
  (cd "$1" && UseSharedCompilation="${3:-false}" dotnet build --no-restore --no-incremental --packages "$work/packages" -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary -p:UseSharedCompilation="${3:-false}" ${4:-} > "$2" 2>&1) || true
}
(cd "$work/app" && dotnet restore --packages "$work/packages" -v:q >/dev/null)
(cd "$work/bare" && dotnet restore --packages "$work/packages" -v:q >/dev/null)
[ -n "${BASELINE:-}" ] && (cd "$work/base" && dotnet restore --packages "$work/packages" -v:q >/dev/null)

# Builds on a 2-core machine vary by a few hundred milliseconds: five of each, interleaved, and the medians. On a
# platform the package has ReadyToRun images for, the builds use them, as a developer's would; the same builds with
# -p:HvLintReadyToRun=false use the IL assemblies, which JIT-compile HvLint's code in every compiler process.
rounds="${ROUNDS:-5}"
hvlint_s() { grep -E '^ *[0-9.]+ +[0-9<]+ +HvLint.Analyzers,' "$1" | awk '{print $1}' | head -1; }
: > "$work/with.ms"; : > "$work/bare.ms"; : > "$work/hvlint.s"; : > "$work/wall.s"; : > "$work/il.s"; : > "$work/base.s"
for round in $(seq 1 "$rounds"); do
  start=$(date +%s.%N)
  build "$work/app" "$work/with.$round.log"
  echo "$(date +%s.%N) - $start" | bc >> "$work/wall.s"
  if [ -n "${BASELINE:-}" ]; then
    build "$work/base" "$work/base.$round.log"
    hvlint_s "$work/base.$round.log" >> "$work/base.s"
  fi
  build "$work/app" "$work/il.$round.log" false -p:HvLintReadyToRun=false
  build "$work/bare" "$work/bare.$round.log"
  csc_ms "$work/with.$round.log" >> "$work/with.ms"
  csc_ms "$work/bare.$round.log" >> "$work/bare.ms"
  hvlint_s "$work/with.$round.log" >> "$work/hvlint.s"
  hvlint_s "$work/il.$round.log" >> "$work/il.s"
done
images=$(grep -m1 -oE '/tools/r2r/[a-z0-9-]+/HvLint.Analyzers.dll' "$work/with.1.log" | cut -d/ -f4 || true)
median() { sort -g "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
with=$(median "$work/with.ms"); bare=$(median "$work/bare.ms"); hvlint=$(median "$work/hvlint.s"); wall=$(median "$work/wall.s")
log="$work/with.1.log"

echo "$files files$( [ "${OTHER:-0}" -gt 0 ] && echo " and ${OTHER} files of other code"), medians of $rounds builds:"
echo "  dotnet build wall time with HvLint: $wall s"
echo "  compiler (Csc task): $with ms with HvLint, $bare ms without: HvLint adds $(( with - bare )) ms ($(echo "scale=1; 100 * ($with - $bare) / $bare" | bc)%)"
echo "  HvLint as -p:ReportAnalyzer reports it: $hvlint s = $(echo "scale=1; 100 * $hvlint / $wall" | bc)% of the build, $(echo "scale=1; 100 * $hvlint * 1000 / $with" | bc)% of the compile (all rounds: $(tr '\n' ' ' < "$work/hvlint.s"))"
echo "  ($( [ -n "$images" ] && echo "with the ReadyToRun images for $images; with the IL assemblies instead (HvLintReadyToRun=false): $(median "$work/il.s") s, all rounds: $(tr '\n' ' ' < "$work/il.s")" || echo "no ReadyToRun images for this platform: the IL assemblies"))"
[ -n "${BASELINE:-}" ] && echo "  the baseline ($BASELINE) in the same rounds: $(median "$work/base.s") s (all rounds: $(tr '\n' ' ' < "$work/base.s"))"
grep -E "Total analyzer execution time|^ *[0-9.]+ +[0-9]+ +HvLint|error CS" "$log" | grep -v "/analyzer:" | sed "s/^ */  round 1: /; s/ (HV1001.*//" | sort -u | head -20
echo "  HvLint findings in the build: $(grep -o "[a-zA-Z0-9]*\.cs([0-9,]*): [a-z]* HV[0-9]\{4\}" "$log" | sort -u | wc -l) (expected $(( files / 50 )): HV1001 for 65 vCPUs in every 50th file)"

# The same compile run alone, several times: the Csc command of the first build replayed as an .rsp with
# /parallel- (one thread, so no other thread's work lands in HvLint's time) and a large gen0 budget (so
# collections caused by the compiler's own allocations rarely pause HvLint). This is HvLint's own work with
# less noise; the builds above are what a developer sees.
csc_line=$(grep -m1 -E '/bincore/csc .*/reportanalyzer' "$log" | sed 's/^ *//')
if [ -n "$csc_line" ]; then
  csc_exe=${csc_line%% *}
  echo "${csc_line#* }" | tr ' ' '\n' | grep -v '^$' > "$work/csc.rsp"
  echo "/parallel-" >> "$work/csc.rsp"
  : > "$work/alone.s"; : > "$work/alone-base.s"
  # The baseline's compile is the same command line with its package's analyzers.
  [ -n "${BASELINE:-}" ] && sed "s#/hvlint.analyzers/$version/#/hvlint.analyzers/$version-base/#g" "$work/csc.rsp" > "$work/csc-base.rsp"
  for round in $(seq 1 "$rounds"); do
    (cd "$work/app" && DOTNET_GCgen0size=0x20000000 "$csc_exe" @"$work/csc.rsp" > "$work/alone.log" 2>&1) || true
    grep -E '^ *[0-9.]+ +[0-9<]+ +HvLint.Analyzers,' "$work/alone.log" | awk '{print $1}' | head -1 >> "$work/alone.s"
    if [ -n "${BASELINE:-}" ]; then
      (cd "$work/app" && DOTNET_GCgen0size=0x20000000 "$csc_exe" @"$work/csc-base.rsp" > "$work/alone.log" 2>&1) || true
      grep -E '^ *[0-9.]+ +[0-9<]+ +HvLint.Analyzers,' "$work/alone.log" | awk '{print $1}' | head -1 >> "$work/alone-base.s"
    fi
  done
  echo "  HvLint in the compile run alone (one thread, $rounds runs): minimum $(sort -g "$work/alone.s" | head -1) s, median $(median "$work/alone.s") s (all: $(tr '\n' ' ' < "$work/alone.s"))"
  [ -n "${BASELINE:-}" ] && echo "  the baseline ($BASELINE) alone, interleaved: minimum $(sort -g "$work/alone-base.s" | head -1) s, median $(median "$work/alone-base.s") s (all: $(tr '\n' ' ' < "$work/alone-base.s"))"

  # HvLint's CPU time in the compile as a build runs it (in parallel), where perf is installed and allowed: CPU
  # samples (999 a second) whose stack passes through HvLint's code, JIT compiling it included. The time the
  # compiler reports is wall time inside HvLint's callbacks, which on two cores also counts the time HvLint's thread
  # waits for a core while the compiler's own threads run; CPU samples count only the work, and vary little.
  if command -v perf > /dev/null && perf record -q -o "$work/probe.data" true > /dev/null 2>&1; then
    grep -v '^/parallel-$' "$work/csc.rsp" > "$work/csc-parallel.rsp"
    : > "$work/cpu.ms"
    for round in $(seq 1 "$rounds"); do
      maps_before=$(ls /tmp/perf-*.map 2> /dev/null || true)
      # Without W^X double mapping, JIT-compiled code is where the perf map (/tmp/perf-PID.map) says it is.
      (cd "$work/app" && DOTNET_EnableWriteXorExecute=0 DOTNET_PerfMapEnabled=1 perf record -q -F 999 -g -o "$work/perf.data" -- "$csc_exe" @"$work/csc-parallel.rsp" > /dev/null 2>&1) || true
      perf script -i "$work/perf.data" 2> /dev/null | awk -v RS= '{ all++ } /HvLint/ { hv++ } END { print hv + 0, all + 0 }' >> "$work/cpu.ms"
      for map in $(ls /tmp/perf-*.map 2> /dev/null); do echo "$maps_before" | grep -qx "$map" || rm -f "$map"; done
    done
    cut -d' ' -f1 "$work/cpu.ms" > "$work/cpu.hv"
    cpu=$(median "$work/cpu.hv")
    awk '{ print 100 * $1 / $2 }' "$work/cpu.ms" > "$work/cpu.share"
    echo "  HvLint's CPU time in the compile (perf samples, $rounds runs): median $cpu ms = $(echo "scale=1; $cpu / 10 / $wall" | bc)% of the build's wall time, $(median "$work/cpu.share" | xargs printf '%.1f')% of the compile's CPU time (all, HvLint/compile in ms: $(awk '{ printf "%s%d/%d", (NR > 1 ? ", " : ""), $1, $2 }' "$work/cpu.ms"))"

    # PROFILE=1: where that CPU goes, by HvLint method and by what it calls (bench/profile-symbols.py). perf cannot name
    # the frames of ReadyToRun images; crossgen2 compiles the images again with maps of their methods (--mapcsv), and
    # these images replace the package's for these compiles only.
    if [ "${PROFILE:-0}" = 1 ] && [ -n "$images" ]; then
      # Its earlier images are up to date for the build, which would skip crossgen2 and write no maps: removed first.
      find "$root/src/HvLint.Analyzers.ReadyToRun/obj/Release" -type d -path "*/$images/R2R" -prune -exec rm -rf {} \;
      dotnet publish "$root/src/HvLint.Analyzers.ReadyToRun" -c Release -r "$images" -o "$work/mapped" -p:HvLintAnalyzerBin="$root/src/HvLint.Analyzers/bin/Release/netstandard2.0/" -p:PublishReadyToRunCrossgen2ExtraArgs=--mapcsv --nologo -v:q > /dev/null
      find "$root/src/HvLint.Analyzers.ReadyToRun/obj/Release" -path "*/$images/R2R/*.map.csv" -exec cp {} "$work/mapped/" \;
      image_dir="$work/packages/hvlint.analyzers/$version/tools/r2r/$images"
      cp "$image_dir/HvLint.Analyzers.dll" "$image_dir/HvLint.Core.dll" "$work/"
      cp "$work/mapped/HvLint.Analyzers.dll" "$work/mapped/HvLint.Core.dll" "$image_dir/"
      for round in $(seq 1 "$rounds"); do
        maps_before=$(ls /tmp/perf-*.map 2> /dev/null || true)
        (cd "$work/app" && DOTNET_EnableWriteXorExecute=0 DOTNET_PerfMapEnabled=1 perf record -q -F 999 -g -o "$work/profile.data" -- "$csc_exe" @"$work/csc-parallel.rsp" > /dev/null 2>&1) || true
        perf script -i "$work/profile.data" > "$work/profile.$round.txt" 2> /dev/null
        for map in $(ls /tmp/perf-*.map 2> /dev/null); do echo "$maps_before" | grep -qx "$map" || rm -f "$map"; done
      done
      cp "$work/HvLint.Analyzers.dll" "$work/HvLint.Core.dll" "$image_dir/"
      python3 "$root/bench/profile-symbols.py" "$work/mapped" "$work"/profile.*.txt | sed 's/^/  /'
    fi
  fi
fi
# The same builds with the compiler server (VBCSCompiler), which `dotnet build` uses unless told otherwise (this
# machine's environment sets UseSharedCompilation=false): a fresh server, whose first build loads and JIT-compiles
# HvLint as a compiler process of its own does, then builds that find it loaded. HvLint's methods reach the
# optimising tier over the next few builds, so builds 2-5 and 6-10 are shown apart. SERVER=0 skips this part.
if [ "${SERVER:-1}" != 0 ]; then
  dotnet build-server shutdown > /dev/null 2>&1 || true
  : > "$work/server.tsv"
  for round in $(seq 1 10); do
    start=$(date +%s.%N)
    build "$work/app" "$work/server.$round.log" true
    took=$(echo "$(date +%s.%N) - $start" | bc)
    hv=$(grep -E '^ *[0-9.]+ +[0-9<]+ +HvLint.Analyzers,' "$work/server.$round.log" | awk '{print $1}' | head -1)
    echo "$round $hv $took" >> "$work/server.tsv"
  done
  dotnet build-server shutdown > /dev/null 2>&1 || true
  share() { # share <first build> <last build>: HvLint's median time and share of the median build
    awk -v a="$1" -v b="$2" '$1 >= a && $1 <= b { print $2 > "'"$work"'/s.hv"; print $3 > "'"$work"'/s.took" }' "$work/server.tsv"
    hv=$(median "$work/s.hv"); took=$(median "$work/s.took")
    printf '%s s of %.1f s (%s%%)' "$hv" "$took" "$(echo "scale=1; 100 * $hv / $took" | bc)"
  }
  echo "  with the compiler server (the SDK's default): HvLint in its first build $(share 1 1); builds 2-5 $(share 2 5); builds 6-10 $(share 6 10) (all: $(awk '{ printf "%s ", $2 }' "$work/server.tsv"))"
fi
if [ -n "${BASELINE:-}" ]; then git -C "$root" worktree remove --force "$work/baseline-src"; fi
if [ "${KEEP:-0}" = 1 ]; then echo "  kept: $work"; else rm -rf "$work"; fi
