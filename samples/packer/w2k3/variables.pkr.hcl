variable "iso_url" {
  type    = string
  default = "https://media.build.example/iso/en_windows_server_2003_r2_standard_x86_with_sp2_cd1.iso"
}

variable "iso_checksum" {
  type    = string
  default = "none"
}

variable "memory_mb" {
  type    = number
  default = 1024
}

variable "admin_password" {
  type      = string
  sensitive = true
}
