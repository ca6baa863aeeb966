#!/usr/bin/env bash
# PowerShell provisioning scripts on a generated one (not a test):
#   bash bench/script-bench.sh               # VMS=5000 by default
#   One script that builds VMS VMs, three or four commands each (New-VM, Set-VMProcessor, Set-VMMemory, and for every
#   tenth an Add-VMNetworkAdapter -IsLegacy), half of them Generation 2. Every hundredth VM gets 92 more vCPUs than
#   2012 R2 allows a Generation 2 VM, and every tenth Generation 2 VM a legacy adapter, so the findings can be counted:
#   HV1001 on VMS/100 VMs and HV3003 on VMS/10. Prints the findings and the wall time and peak memory of `hvlint audit`.
set -euo pipefail
vms="${VMS:-5000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
{
  printf "param([string]\$VMPath = 'D:\\\\Hyper-V')\n\$switch = 'External'\n"
  for ((i = 0; i < vms; i++)); do
    n=$(printf 'vm%05d' "$i")
    extra=0
    if ((i % 100 == 1)); then extra=90; fi
    printf "New-VM -Name '%s' -Generation %d -MemoryStartupBytes 2GB -Path \$VMPath -SwitchName \$switch\n" "$n" $((1 + i % 2))
    printf "Set-VMProcessor -VMName '%s' -Count %d\n" "$n" $((2 + i % 8 + extra))
    printf "Set-VMMemory -VMName '%s' -DynamicMemoryEnabled \$true -MinimumBytes 512MB -MaximumBytes 8GB\n" "$n"
    if ((i % 10 == 1)); then printf "Add-VMNetworkAdapter -VMName '%s' -IsLegacy \$true -SwitchName \$switch\n" "$n"; fi
  done
} > "$work/New-VMs.ps1"

dotnet build "$root/src/HvLint.Cli" -c Release --nologo -v:q >/dev/null
hvlint="$root/src/HvLint.Cli/bin/Release/net10.0/hvlint.dll"
echo "$(wc -l < "$work/New-VMs.ps1") lines, $vms VMs; expected HV1001 x$((vms / 100)), HV3003 x$((vms / 10))"
/usr/bin/time -f "  %e s wall, %M KB peak resident" dotnet "$hvlint" audit "$work" --format json --fail-on never \
  | python3 -c 'import json, sys, collections; print("  found", dict(collections.Counter(f["ruleId"] for f in json.load(sys.stdin)["findings"])))'
rm -rf "$work"
