variable "hyperv_host" {
  type    = string
  default = "HV-BRANCH-02"
}

variable "cpus" {
  type        = number
  default     = 2
  description = "vCPUs per web VM"
}

variable "user" {}
variable "password" {
  sensitive = true
}
