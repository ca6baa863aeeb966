using System;

namespace HvLint.Readers.Terraform
{
    /// <summary>
    /// Variable definitions files, which set a Terraform configuration's or a Packer template's input variables
    /// (`name = value`) and have nothing in their content to recognise them by, so they are known by name.
    /// Terraform loads `terraform.tfvars`, `terraform.tfvars.json` and then every `*.auto.tfvars` and
    /// `*.auto.tfvars.json` of the root module's folder in lexical order, a later value overriding an earlier one;
    /// other `.tfvars` files only when `-var-file` names them (developer.hashicorp.com/terraform/language/values/variables,
    /// "Variable Definition Precedence"). Packer loads the `*.auto.pkrvars.hcl` and `*.auto.pkrvars.json` beside a
    /// template in lexical order, and other `.pkrvars.hcl` files only by `-var-file` (hashicorp/packer#8882).
    /// </summary>
    public static class VariableFiles
    {
        /// <summary>Whose variable definitions file this is (Terraform's or Packer's), by its name; null for any other file.</summary>
        public static InputFormat? Format(string path)
        {
            string name = FileName(path);
            if (name.EndsWith(".tfvars", StringComparison.Ordinal) || name.EndsWith(".tfvars.json", StringComparison.Ordinal)) return InputFormat.Terraform;
            if (name.EndsWith(".pkrvars.hcl", StringComparison.Ordinal) || name.EndsWith(".pkrvars.json", StringComparison.Ordinal)) return InputFormat.Packer;
            return null;
        }

        /// <summary>Whether Terraform or Packer loads the file by itself, without `-var-file` naming it.</summary>
        public static bool IsLoadedByTheTool(string path) => Rank(path) < Named;

        /// <summary>A file's place in the order its values are taken in: a later one overrides an earlier one.</summary>
        internal static int Rank(string path)
        {
            string name = FileName(path);
            if (name == "terraform.tfvars") return 0;
            if (name == "terraform.tfvars.json") return 1;
            foreach (string suffix in new[] { ".auto.tfvars", ".auto.tfvars.json", ".auto.pkrvars.hcl", ".auto.pkrvars.json" })
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal)) return 2;
            }

            return Named;
        }

        /// <summary>The rank of a file only `-var-file` loads: named on HvLint's command line, it is taken after the rest.</summary>
        private const int Named = 3;

        private static string FileName(string path) => path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);
    }
}
