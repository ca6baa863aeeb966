# The site's file servers, all from the team's file-server module: the module is written once, and each call
# is a VM with that call's arguments, on this configuration's host.
provider "hyperv" {
  host = "HV-SITE-01"
}

module "fs01" {
  source = "./modules/file-server"
  name   = "site-fs01"
}

module "fs02" {
  source = "./modules/file-server"
  name   = "site-fs02"
  # Turned off while a backup agent was tried inside the guest, and never turned back on (HV6002).
  backup_integration = false
}

module "fs03" {
  # hvlint-disable HV6002: archive server, backed up only by the in-guest agent; host-level backup excludes it
  source = "./modules/file-server"
  name   = "site-fs03"
  backup_integration = false
}
