using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HvLint.Analyzers
{
    /// <summary>
    /// A file a script reads or runs by a path it writes out: the rows of Import-Csv, a script it dot-sources
    /// (. "$PSScriptRoot\LabFunctions.ps1"), a module it imports (Import-Module .\LabTools.psm1).
    /// </summary>
    internal sealed class ImportedFile
    {
        private List<PowerShellScript.ScriptFunction>? _functions;

        public ImportedFile(string path, SourceText source)
        {
            Path = path;
            Source = source;
            Text = source.ToString();
        }

        /// <summary>The path findings in the file are reported at, as the build or the CLI names the file.</summary>
        public string Path { get; }

        public SourceText Source { get; }

        public string Text { get; }

        /// <summary>Imported as a module (Import-Module): its functions read the module's variables, not the script's.</summary>
        public bool Module { get; set; }

        /// <summary>
        /// For a script a module dot-sources (. $PSScriptRoot\Public\New-LabVM.ps1), that module: the script runs in the
        /// module's scope, so its functions read the module's variables. Null for any other file.
        /// </summary>
        public ImportedFile? ModuleScope { get; set; }

        /// <summary>
        /// For a file of a module, its text read as a script of its own: the writes a local variable of one of its functions
        /// has are counted there, where the function is written, not in the script that calls it.
        /// </summary>
        public ScriptVariables? Own { get; set; }

        /// <summary>
        /// For a module, the variables its own statements fix (<see cref="PowerShellScript.ModuleVariables"/>), which its
        /// functions read: found when a function of it is first called.
        /// </summary>
        public IReadOnlyDictionary<string, CodeValue>? Variables { get; set; }

        /// <summary>Where a range of <see cref="Text"/> is, clamped to its end.</summary>
        public Location At(int start, int length)
        {
            start = Math.Min(start, Text.Length);
            var span = new TextSpan(start, Math.Min(length, Text.Length - start));
            return Location.Create(Path, span, Source.Lines.GetLinePositionSpan(span));
        }

        /// <summary>The functions the file defines, each knowing it is this file's, read when first asked for.</summary>
        public List<PowerShellScript.ScriptFunction> Functions
        {
            get
            {
                if (_functions != null) return _functions;
                _functions = PowerShellScript.Functions(Text);
                foreach (PowerShellScript.ScriptFunction f in _functions) f.File = this;
                return _functions;
            }
        }
    }
}
