# A Windows Server 2003 R2 base image for the VDI farm's legacy line-of-business VMs, built with Packer's
# Hyper-V ISO builder on a 2012 R2 build host. Setup reads its answer file (winnt.sif) from the floppy drive. The
# farm's hosts run Windows Server 2008 R2, which cannot open VHDX: the disk is a fixed VHD.
packer {
  required_plugins {
    hyperv = {
      version = ">= 1.1.0"
      source  = "github.com/hashicorp/hyperv"
    }
  }
}

source "hyperv-iso" "w2k3-r2" {
  vm_name      = "w2k3-r2-base"
  iso_url      = var.iso_url
  iso_checksum = var.iso_checksum
  memory       = var.memory_mb
  switch_name  = "Build-External"
  floppy_files = ["answer/winnt.sif", "scripts/enable-winrm.cmd"]

  use_fixed_vhd_format = true
  skip_compaction      = true # Packer cannot compact a fixed VHD
  disk_size            = 32768

  communicator     = "winrm"
  winrm_username   = "Administrator"
  winrm_password   = var.admin_password
  shutdown_command = "shutdown /s /t 10 /f /d p:4:1"
}

build {
  sources = ["source.hyperv-iso.w2k3-r2"]
}
