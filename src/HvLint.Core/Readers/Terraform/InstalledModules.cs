using System;
using System.Collections.Generic;
using HvLint.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HvLint.Readers.Terraform
{
    /// <summary>
    /// Modules from the registry, Git or an archive, which `terraform init` installs under the root module's
    /// `.terraform/modules` and records in `.terraform/modules/modules.json`: `{"Modules": [{"Key": "vm", "Source":
    /// "...", "Version": "1.2.0", "Dir": ".terraform/modules/vm"}, ...]}`. Key is the call's module address, its module
    /// blocks' names from the root joined by '.' ("" the root module itself, "vm.disk" the call "disk" inside "vm");
    /// Dir the folder it is installed in, relative to the root module, with forward slashes (Terraform's
    /// internal/modsdir/manifest.go). Read with it, such a call is audited as a local one is.
    /// </summary>
    public sealed partial class TerraformReader
    {
        /// <summary>The installed modules' folders, as the reader keys folders, by root module folder and module address.</summary>
        private readonly Dictionary<string, Dictionary<string, string>> _installed = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);

        /// <summary>A JSON document's first properties and its head: a module manifest has one property, Modules, of records with a Dir.</summary>
        public static bool IsModuleManifest(ICollection<string> topLevelNames, string head) =>
            topLevelNames.Count == 1 && topLevelNames.Contains("Modules") && head.IndexOf("\"Dir\"", StringComparison.Ordinal) >= 0;

        /// <summary>
        /// The folders a module manifest records, as written (relative to the root module); none when the text is not one.
        /// The CLI's folder walk reads these, inside the `.terraform` folder it otherwise leaves alone.
        /// </summary>
        public static IReadOnlyList<string> InstalledModuleDirs(string manifest)
        {
            var dirs = new List<string>();
            try
            {
                if (!(JToken.Parse(manifest) is JObject document) || !(document["Modules"] is JArray records)) return dirs;
                foreach (JToken record in records)
                {
                    if (Text(Child(record, "Key")) is string key && key.Length > 0 && Text(Child(record, "Dir")) is string dir) dirs.Add(dir);
                }
            }
            catch (JsonException)
            {
                // The reader reports a malformed manifest where it is malformed; the walk just has no folders from it.
            }

            return dirs;
        }

        /// <summary>The root module's folder of a manifest: Terraform's data folder (`.terraform`, or TF_DATA_DIR) is in it, and the manifest in the data folder's `modules`.</summary>
        private static string ManifestRoot(string path) => FolderKey(FolderOf(path) + "/../..");

        private static bool IsManifestDocument(JObject document) => document.Count == 1 && document["Modules"] != null;

        private void ReadModuleManifest(string path, JObject document, Action<SourceLocation, string> problem)
        {
            if (!(document["Modules"] is JArray records))
            {
                problem(JsonTokens.Start(path, document["Modules"]!), "a Terraform module manifest's Modules is a list of the modules terraform init installed");
                return;
            }

            string root = ManifestRoot(path);
            if (!_installed.TryGetValue(root, out var folders)) _installed[root] = folders = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JToken record in records)
            {
                string? key = Text(Child(record, "Key"));
                string? dir = Text(Child(record, "Dir"));
                if (key == null || dir == null)
                {
                    problem(JsonTokens.Start(path, record), "a Terraform module manifest's record has a Key and a Dir, both strings");
                    continue;
                }

                // Terraform refuses a manifest that records one module twice; which folder holds it is then not known.
                if (folders.ContainsKey(key))
                {
                    problem(JsonTokens.Start(path, record["Key"]!), "module '" + key + "' is recorded twice; Terraform refuses such a manifest (run terraform init again)");
                    folders[key] = string.Empty;
                    continue;
                }

                // Terraform writes Dir relative to the root module; one written absolute is taken as it is.
                bool absolute = dir.StartsWith("/", StringComparison.Ordinal) || dir.StartsWith("\\", StringComparison.Ordinal) || (dir.Length > 1 && dir[1] == ':');
                folders[key] = FolderKey(absolute || root.Length == 0 ? dir : root + "/" + dir);
            }
        }

        /// <summary>The folder terraform init installed the module at <paramref name="address"/> of the root module in <paramref name="root"/> in; null where no manifest of the input says.</summary>
        private string? InstalledFolder(string root, string address) =>
            _installed.TryGetValue(root, out var folders) && folders.TryGetValue(address, out string? folder) && folder.Length > 0 ? folder : null;

        /// <summary>The installed modules' folders other than the root modules': each is read through its calls, never on its own.</summary>
        private IEnumerable<string> InstalledFolders()
        {
            foreach (var manifest in _installed)
            {
                foreach (var module in manifest.Value)
                {
                    if (module.Key.Length > 0 && module.Value.Length > 0 && module.Value != manifest.Key) yield return module.Value;
                }
            }
        }
    }
}
