# Web VMs on the branch host, straight from the configuration (no plan needed).
terraform {
  required_providers {
    hyperv = {
      source  = "taliesins/hyperv"
      version = ">= 1.2.1"
    }
  }
}

provider "hyperv" {
  host     = var.hyperv_host
  user     = var.user
  password = var.password
  https    = true
}

locals {
  # Meant to be 405, the branch's web VLAN: 4095 is outside 1-4094 (HV3007).
  vlan = 4095
}

# Created for a lab and then used for the web VMs too: an Internal switch also connects the management OS (HV7001).
resource "hyperv_network_switch" "lab" {
  name                = "Lab-Internal"
  switch_type         = "Internal"
  allow_management_os = true
}

resource "hyperv_machine_instance" "web" {
  count                = 2
  name                 = "branch-web${count.index}"
  generation           = 1
  processor_count      = var.cpus
  memory_startup_bytes = 4 * 1024 * 1024 * 1024
  static_memory        = true

  integration_services = {
    "Guest Service Interface" = false
    "Heartbeat"               = true
    VSS                       = true
  }

  network_adaptors {
    name        = "lan"
    switch_name = hyperv_network_switch.lab.name
    vlan_access = true
    vlan_id     = local.vlan
  }

  hard_disk_drives {
    controller_type     = "Ide"
    controller_number   = "0"
    controller_location = "0"
    path                = "D:/Hyper-V/branch-web${count.index}/os.vhd"
  }

  /* firmware left to Hyper-V */
  notes = <<-EOT
    Branch web tier.
    Rebuilt nightly from the golden image.
  EOT
}
