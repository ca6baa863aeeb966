# Loaded by Terraform from the module's folder, after the defaults in variables.tf.
user = "svc-terraform"

# Raised from the default of 2 for the holiday peak; the branch hosts still run Hyper-V 2008 R2, whose VMs take at
# most 4 virtual processors (HV1001).
cpus = 8
