#!/usr/bin/env bash
# The Terraform reader on a generated configuration (not a test):
#   bash bench/terraform-bench.sh            # RESOURCES=300 ENTRIES=200 by default
#   300 hyperv_machine_instance resources, each a for_each over a for expression that filters a map of ENTRIES objects
#   with optional() defaults, so that each resource makes up to 64 VMs (17,239 in all with the defaults). Prints the
#   wall time and peak memory of `hvlint audit` on it.
set -euo pipefail
resources="${RESOURCES:-300}"
entries="${ENTRIES:-200}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
{
  printf 'variable "env" {\n  default = "prod"\n}\n\nvariable "vms" {\n'
  printf '  type = map(object({ cpus = optional(number, 2), memory = optional(number, 4096) }))\n  default = {\n'
  for ((i = 0; i < entries; i++)); do printf '    vm%03d = { cpus = %d }\n' "$i" $((1 + i % 8)); done
  printf '  }\n}\n'
  for ((r = 0; r < resources; r++)); do
    printf '\nresource "hyperv_machine_instance" "r%d" {\n' "$r"
    printf '  for_each             = { for k, v in var.vms : k => v if v.cpus > %d }\n' $((r % 8))
    printf '  name                 = "r%d-${each.key}"\n' "$r"
    printf '  processor_count      = var.env == "prod" ? each.value.cpus : 1\n'
    printf '  memory_startup_bytes = each.value.memory * 1024 * 1024\n'
    printf '  network_adaptors {\n    name        = "lan"\n'
    printf '    switch_name = lookup({ prod = "LAN", dev = "DEV" }, var.env, "LAN")\n  }\n}\n'
  done
} > "$work/main.tf"

dotnet build "$root/src/HvLint.Cli" -c Release --nologo -v:q >/dev/null
hvlint="$root/src/HvLint.Cli/bin/Release/net10.0/hvlint.dll"
echo "$(wc -c < "$work/main.tf") bytes, $resources resources over $entries entries"
/usr/bin/time -f "  %e s wall, %M KB peak resident" dotnet "$hvlint" audit "$work" --profile hyperv-2016 --fail-on never | tail -2
rm -rf "$work"
