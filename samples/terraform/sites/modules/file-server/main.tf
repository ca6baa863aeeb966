# A file server: Generation 1, so that it also runs on the sites' older hosts.
variable "name" {
  type = string
}

variable "backup_integration" {
  type        = bool
  default     = true
  description = "The Backup (VSS) integration service, which lets host backups take the VM online"
}

resource "hyperv_machine_instance" "file_server" {
  name                 = var.name
  generation           = 1
  processor_count      = 2
  memory_startup_bytes = 4 * 1024 * 1024 * 1024
  static_memory        = true

  integration_services = {
    "Heartbeat" = true
    "Shutdown"  = true
    VSS         = var.backup_integration
  }

  network_adaptors {
    name        = "lan"
    switch_name = "Site-External"
  }

  hard_disk_drives {
    controller_type     = "Ide"
    controller_number   = 0
    controller_location = 0
    path                = "D:/Hyper-V/${var.name}/os.vhd"
  }
}
