using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using HvLint.Engine;
using HvLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HvLint.Analyzers
{
    /// <summary>
    /// The project's VM files (AdditionalFiles), read once per compilation. Provisioning code cannot say what runs
    /// inside the VM it creates; a VM file that describes a VM of the same name can. Its guest operating system,
    /// template flag, environment, roles and integration services fill in what the code leaves unknown, so rules
    /// about the guest (HV3001, HV4002, HV1002, ...) reach the code that sets the devices and processors.
    /// </summary>
    internal sealed class VmFileFacts
    {
        private static readonly ConditionalWeakTable<Compilation, VmFileFacts> PerCompilation = new ConditionalWeakTable<Compilation, VmFileFacts>();

        private readonly ImmutableArray<AdditionalText> _files;
        private readonly Lazy<Dictionary<string, VirtualMachine>> _byName;

        private VmFileFacts(ImmutableArray<AdditionalText> files)
        {
            _files = files;
            _byName = new Lazy<Dictionary<string, VirtualMachine>>(Read, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public static VmFileFacts For(Compilation compilation, AnalyzerOptions options) =>
            PerCompilation.GetValue(compilation, _ => new VmFileFacts(options.AdditionalFiles));

        /// <summary>Fills in, on a VM the code defines, the guest facts a VM file of the same name states.</summary>
        public void Describe(VirtualMachine vm)
        {
            if (_files.IsEmpty || !vm.Name.IsKnown || !_byName.Value.TryGetValue(vm.Name.Value, out VirtualMachine? described)) return;
            if (!vm.GuestOperatingSystem.IsKnown) vm.GuestOperatingSystem = described.GuestOperatingSystem;
            if (!vm.IsTemplate.IsKnown) vm.IsTemplate = described.IsTemplate;
            if (!vm.Environment.IsKnown) vm.Environment = described.Environment;
            foreach (string role in described.Roles) vm.Roles.Add(role);
            IntegrationServices mine = vm.IntegrationServices, theirs = described.IntegrationServices;
            if (!mine.Installed.IsKnown) mine.Installed = theirs.Installed;
            if (!mine.Version.IsKnown) mine.Version = theirs.Version;
            if (!mine.State.IsKnown) mine.State = theirs.State;
        }

        private Dictionary<string, VirtualMachine> Read()
        {
            var byName = new Dictionary<string, VirtualMachine>(StringComparer.OrdinalIgnoreCase);
            // Not the caller's token: the result is cached for every code block, and a cancelled first reader must
            // not leave the cache holding an exception.
            foreach (VirtualMachine vm in Auditor.ReadVirtualMachines(VmFiles.Inputs(_files, CancellationToken.None, null, null)))
            {
                // The first description of a name wins, as files are listed.
                if (vm.Name.IsKnown && !byName.ContainsKey(vm.Name.Value)) byName[vm.Name.Value] = vm;
            }

            return byName;
        }
    }

    /// <summary>Which AdditionalFiles are VM files and which are rule packs.</summary>
    internal static class VmFiles
    {
        /// <summary>
        /// The .json and .xml AdditionalFiles as audit inputs; rule packs among them go to <paramref name="packs"/>
        /// (left out when null), texts to <paramref name="texts"/> for locations.
        /// </summary>
        public static List<InputDocument> Inputs(ImmutableArray<AdditionalText> files, CancellationToken token, List<(string Path, string Content)>? packs, Dictionary<string, SourceText>? texts)
        {
            var inputs = new List<InputDocument>();
            foreach (AdditionalText file in files)
            {
                string name = Path.GetFileName(file.Path);
                if (!name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) continue;
                SourceText? text = file.GetText(token);
                if (text == null) continue;
                if (texts != null) texts[file.Path] = text;
                string content = text.ToString();
                if (IsPack(content))
                {
                    // A rule pack added as an AdditionalFile runs on the VM files beside it.
                    packs?.Add((file.Path, content));
                    continue;
                }

                inputs.Add(new InputDocument(file.Path, () => new StringReader(content), name.EndsWith(".hvlint.json", StringComparison.OrdinalIgnoreCase)));
            }

            return inputs;
        }

        /// <summary>A JSON object with "rules" and no inventory content: a rule pack.</summary>
        private static bool IsPack(string content)
        {
            string head = content.Length > 4096 ? content.Substring(0, 4096) : content;
            return head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith("{", StringComparison.Ordinal)
                && head.IndexOf("\"rules\"", StringComparison.Ordinal) >= 0
                && head.IndexOf("\"virtualMachines\"", StringComparison.OrdinalIgnoreCase) < 0
                && head.IndexOf("\"hosts\"", StringComparison.OrdinalIgnoreCase) < 0;
        }
    }
}
