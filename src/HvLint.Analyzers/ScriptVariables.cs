using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace HvLint.Analyzers
{
    /// <summary>
    /// The variables of one piece of script text that hold a constant: assigned once, at the start of a statement, a
    /// value that is only a literal ($cpus = 8, $name = 'web01', $disks = 'a.vhdx', 'b.vhdx', $legacy = $true), or the
    /// text, number or truth a variable or a member holds there ($name = $vm.Name). A read
    /// after that assignment, before the block that holds it closes, has its value. A variable that anything else in the
    /// script writes (a second assignment, $i++, foreach ($x in ...), a parameter's default, a function's parameter,
    /// -OutVariable x, [ref]$x) is unknown everywhere, as a C# local assigned more than once is; so is every variable of
    /// a script that may write any (Set-Variable, Invoke-Expression, a dot-sourced script).
    /// </summary>
    internal sealed class ScriptVariables
    {
        private readonly ScriptWrites _script;

        // PowerShell's variable names are not case-sensitive.
        private readonly Dictionary<string, KeyValuePair<CodeValue, int>> _constants = new Dictionary<string, KeyValuePair<CodeValue, int>>(StringComparer.OrdinalIgnoreCase);

        // Keys set on a table variable by the statements read so far ($params.Name = 'web01'), by variable and then key,
        // each with the block that set it: what the key holds from there until that block closes (SetKey).
        private Dictionary<string, Dictionary<string, KeyValuePair<CodeValue, int>>>? _keysSet;

        /// <summary>For a call of a module's function: the module's file, whose writes count the function's local variables.</summary>
        private ScriptVariables? _writesFrom;
        private readonly List<int> _blocks = new List<int> { 0 }; // the open blocks, innermost last; 0 is the script's own
        private int _nextBlock = 1;

        // Commands that write a variable by a name they may compute, or run text that may write any.
        private static readonly HashSet<string> Writers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Set-Variable", "sv", "set", "New-Variable", "nv", "Remove-Variable", "rv", "Clear-Variable", "clv", "Invoke-Expression", "iex",
        };

        // Methods of a hashtable or a list that leave it as it was: $sizes.GetEnumerator() is no write. So are text's: text
        // is never changed in place, and no table or list a script holds (Hashtable, OrderedDictionary, ArrayList, List,
        // an array) has a method of these names that changes it, so $name.ToUpper() leaves $name as it was. Insert and
        // Remove are not among them: a list's Insert and a table's Remove change it. (A StringBuilder's Replace changes it,
        // but a StringBuilder is never a value HvLint knows.)
        private static readonly HashSet<string> ReadOnlyMethods = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "GetEnumerator", "ContainsKey", "ContainsValue", "Contains", "IndexOf", "ToString", "GetType", "Equals", "GetHashCode", "Clone", "ToArray",
            "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant", "Trim", "TrimStart", "TrimEnd", "Substring", "Replace", "Split",
            "StartsWith", "EndsWith", "LastIndexOf", "IndexOfAny", "LastIndexOfAny", "PadLeft", "PadRight", "Normalize", "ToCharArray", "CompareTo",
        };

        // Methods of a list or a table held in a member that change it ($vm.Disks.Add('d.vhdx')).
        private static readonly HashSet<string> MemberChangingMethods = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Add", "AddRange", "Insert", "Remove", "RemoveAt", "RemoveAll", "Clear", "Set_Item",
        };

        // The common parameters that write the variable they name, with their aliases.
        private static readonly string[] VariableParameters = { "OutVariable", "ErrorVariable", "WarningVariable", "InformationVariable", "PipelineVariable" };
        private static readonly HashSet<string> VariableParameterAliases = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "ov", "ev", "wv", "iv", "pv" };

        private ScriptVariables(ScriptWrites script) => _script = script;

        /// <summary>What the whole script writes, shared by the runs of its loops' blocks.</summary>
        private sealed class ScriptWrites
        {
            public ScriptWrites(string text) => Text = text;

            public string Text { get; }

            /// <summary>Writes by variable name; counted when an assignment first asks, as most scripts assign nothing.</summary>
            public Dictionary<string, int>? Counts { get; set; }

            /// <summary>The script may write any variable (Set-Variable, Invoke-Expression, a dot-sourced script).</summary>
            public bool AnyMayChange { get; set; }

            // How many more runs of loop blocks the whole script may be read with (PowerShellScript.MaxLoopRuns).
            public int Runs { get; set; } = PowerShellScript.MaxLoopRuns;

            /// <summary>The parameters its param( ) block declares, in order, read when first asked for.</summary>
            public List<string>? Declared { get; set; }

            /// <summary>Whether arguments bind to <see cref="Declared"/> in that order (no attribute sets positions).</summary>
            public bool DeclaredInOrder { get; set; }

            /// <summary>Parameters the code gave a value it does not fix but writes the same way each time.</summary>
            public Dictionary<string, string>? Symbols { get; set; }

            /// <summary>Where in the code each range of <see cref="Text"/> is, once the whole script is read.</summary>
            public Func<int, int, Microsoft.CodeAnalysis.Location>? At { get; set; }

            /// <summary>Every function the script defines, found when first asked for.</summary>
            public List<PowerShellScript.ScriptFunction>? Definitions { get; set; }

            /// <summary>The functions by name; null for a name defined more than once, whose call depends on the order the script runs in.</summary>
            public Dictionary<string, PowerShellScript.ScriptFunction?>? ByName { get; set; }

            /// <summary>The functions whose bodies are being read for a call, innermost last.</summary>
            public List<PowerShellScript.ScriptFunction> Calling { get; } = new List<PowerShellScript.ScriptFunction>();

            /// <summary>A file the script reads or runs (Import-Csv, Get-Content, dot-sourcing, Import-Module), by its path as written; null when not known.</summary>
            public Func<string, ImportedFile?>? Imported { get; set; }

            /// <summary>Whether the arguments being read name a file the script reads or runs, where $PSScriptRoot is <see cref="ScriptRoot"/>.</summary>
            public bool InImportPath { get; set; }

            /// <summary>
            /// $PSScriptRoot in the paths the text being read writes: the folder of its file, from the script's folder ("."
            /// for the script's own, "Modules/Lab" for a module there).
            /// </summary>
            public string ScriptRoot { get; set; } = ".";

            /// <summary>$PSScriptRoot of the script's own folder: "." but for a module read for its variables (ReadAsModule).</summary>
            public string FolderRoot { get; set; } = ".";

            /// <summary>The scripts a listing names (Get-ChildItem "$PSScriptRoot\Public\*.ps1"), by its pattern; null when not known.</summary>
            public Func<string, IReadOnlyList<ImportedFile>>? Listed { get; set; }

            /// <summary>The script's folder, with '/' between folders (<see cref="PowerShellScriptFileAnalyzer.FullPath"/>); found when first asked for.</summary>
            public string? Home { get; set; }

            /// <summary>The scripts it dot-sources and the modules it imports, by where their statements start.</summary>
            public Dictionary<int, ImportedFile>? Sources { get; set; }

            /// <summary>The same for each script it dot-sources and module it imports, directly or through another: read when first asked for.</summary>
            public Dictionary<ImportedFile, Dictionary<int, ImportedFile>>? NestedSources { get; set; }

            /// <summary>Every file the script dot-sources or imports, directly or through another (Reachable), once found.</summary>
            public List<ImportedFile>? Reachable { get; set; }

            /// <summary>The nested modules of a module the script imports by its manifest, by the module's root module.</summary>
            public Dictionary<ImportedFile, List<ImportedFile>>? ModuleParts { get; set; }

            /// <summary>The dot-sourced scripts whose statements are being read, innermost last.</summary>
            public List<ImportedFile> Sourcing { get; } = new List<ImportedFile>();

            /// <summary>Its own functions, without those of the files it dot-sources or imports.</summary>
            public List<PowerShellScript.ScriptFunction>? Own { get; set; }

            /// <summary>The file the script is, as its locations name it; read when first asked for.</summary>
            public string? Path { get; set; }

            /// <summary>How many branch, clause, loop and table blocks are being read inside one another.</summary>
            public int Nesting { get; set; }

            /// <summary>Whether its own text turns strict mode on (<see cref="MayBeStrict"/>); found when first asked for.</summary>
            public bool? Strict { get; set; }

            /// <summary>
            /// The members and keys the script changes in place on a variable ($vm.Pxe = $true, $vm['Cpu'] = 4,
            /// $vm.Add('Pxe', 1)), counted with the writes; <see cref="AnyMemberChanged"/> for one it does not name.
            /// </summary>
            public HashSet<string>? MembersChanged { get; set; }

            /// <summary>Whether the script changes in place a key it does not name ($vm[$key] = 1, $vm.Clear()).</summary>
            public bool AnyMemberChanged { get; set; }

            /// <summary>
            /// Keys changed in place through a variable the script assigns a table written @{ } (null for any key), which
            /// change that table only: a change through any other variable (a loop's, $_, a function's parameter) may be
            /// of any table, and is in <see cref="MembersChanged"/>. Sorted out once the writes are counted.
            /// </summary>
            public Dictionary<string, HashSet<string>?>? ChangedOf { get; set; }

            /// <summary>The variables assigned a table written @{ } ($params = @{ ... }), as the writes are counted.</summary>
            public HashSet<string>? TableNames { get; set; }

            /// <summary>Where in the script's own text each of <see cref="TableNames"/> is assigned its table (-1: in another file's).</summary>
            public Dictionary<string, int>? TableAt { get; set; }

            /// <summary>
            /// Each change in place as the writes are counted: the variable, the key (null for any), and where a statement
            /// of the script's own text that sets that key and nothing else starts ($params.Generation = 1), else -1.
            /// </summary>
            public List<(string Variable, string? Key, int Statement)>? Changes { get; set; }

            /// <summary>
            /// Each $variable += @{ ... } as the writes are counted: the variable, the keys the table written there adds (null
            /// when they cannot be read), and where the statement starts in the script's own text, else -1.
            /// </summary>
            public List<(string Variable, List<string>? Keys, int Statement)>? TableAdds { get; set; }

            /// <summary>
            /// The keys of <see cref="ChangedOf"/>'s tables set in order ("variable\nkey"): each set by one statement alone,
            /// after the table's assignment and in the same run of the same blocks (<see cref="PowerShellScript.RepeatingBlocks"/>),
            /// so that reading the statements in order meets the set where it runs. They are left out of
            /// <see cref="ChangedOf"/>: the table's value holds until the set is read, and what the set gives after it.
            /// </summary>
            public HashSet<string>? InOrder { get; set; }

            /// <summary>Where each variable is assigned by a statement of its own ($name = ...), in the script's own text.</summary>
            public Dictionary<string, List<int>>? Assignments { get; set; }

            /// <summary>
            /// The variables assigned more than once, each time by a statement of its own in the script's own text, and written
            /// no other way, whose every mention is read where it runs (<see cref="ReadInPlace"/>): reading the statements in
            /// order meets each assignment where it runs, so each holds from there (<see cref="Reassign"/>). An assignment in a
            /// block that may not run, or runs again, leaves the variable unknown after the block.
            /// </summary>
            public HashSet<string>? AssignedInOrder { get; set; }
        }

        /// <summary>
        /// How many blocks deep branches, switch clauses, loops and tables are read as blocks of their own (a script
        /// being typed may open thousands, and each level read on its own is a call). A deeper branch, clause or loop is
        /// read as one HvLint cannot decide, in the one pass that needs no stack; a deeper table is unknown.
        /// </summary>
        private const int MaxNesting = 64;

        /// <summary>Starts reading a block of its own (a branch, a clause, a loop's run): false when that would go deeper than <see cref="MaxNesting"/>.</summary>
        public bool EnterBlock()
        {
            if (_script.Nesting >= MaxNesting) return false;
            _script.Nesting++;
            return true;
        }

        public void LeaveBlock() => _script.Nesting--;

        /// <summary>How many calls deep a function's body is read (a function that calls a function that calls one).</summary>
        private const int MaxCallDepth = 3;

        /// <summary>The whole script's text.</summary>
        public string Text => _script.Text;

        /// <summary>Where in the code each range of <see cref="Text"/> is; set when the whole script is read.</summary>
        public Func<int, int, Microsoft.CodeAnalysis.Location>? At
        {
            get => _script.At;
            set => _script.At = value;
        }

        /// <summary>
        /// A file the script reads or runs, by its path as written (relative to the script's folder, or absolute); null
        /// when the file is not known, and always in script text given to AddScript, which has no folder.
        /// </summary>
        public Func<string, ImportedFile?>? Imported
        {
            get => _script.Imported;
            set => _script.Imported = value;
        }

        /// <summary>
        /// While the arguments of Import-Csv or Get-Content, or the path a script dot-sources or imports, are read:
        /// $PSScriptRoot is <see cref="ScriptRoot"/> there, "." for the script's folder, so that the path "$PSScriptRoot\vms.csv" is known. Anywhere
        /// else it stays unknown: it is a folder of the machine that runs the script, which no rule about paths should
        /// take for a relative one.
        /// </summary>
        public bool InImportPath
        {
            get => _script.InImportPath;
            set => _script.InImportPath = value;
        }

        /// <summary>
        /// The scripts a listing names (Get-ChildItem "$PSScriptRoot\Public\*.ps1"), by its pattern relative to the script's
        /// folder (<see cref="PowerShellScript.ListedPaths"/>); null when not known, as in AddScript text.
        /// </summary>
        public Func<string, IReadOnlyList<ImportedFile>>? Listed
        {
            get => _script.Listed;
            set => _script.Listed = value;
        }

        /// <summary>
        /// $PSScriptRoot of the script's own folder, from the folder the script runs from: "." but for a file another script
        /// runs (a module read for its variables, or a file the CLI reads for the files it names in turn).
        /// </summary>
        public string FolderRoot
        {
            get => _script.FolderRoot;
            set => _script.FolderRoot = _script.ScriptRoot = value;
        }

        /// <summary>
        /// Whether the files a command at <paramref name="location"/> reads (Import-Csv, Get-Content) are known: in the
        /// script, or in a file it dot-sources or imports, whose $PSScriptRoot is its folder (<see cref="RootOf"/>). Not in
        /// C#'s AddScript text, which reads no files.
        /// </summary>
        public bool ReadsFiles(Microsoft.CodeAnalysis.Location location) => InScript(location) || (FileAt(location) != null && _script.Imported != null);

        /// <summary>$PSScriptRoot while <see cref="InImportPath"/>: the folder of the file being read, from the script's folder.</summary>
        public string ScriptRoot
        {
            get => _script.ScriptRoot;
            set => _script.ScriptRoot = value;
        }

        /// <summary>
        /// Whether <paramref name="location"/> is in the script's own file (at its span in <see cref="Text"/>), or in
        /// another file of its folder (a script it dot-sources or a module it imports, kept beside it), where
        /// $PSScriptRoot, and so every path the script writes out, is the same folder. Not in a file of another folder,
        /// whose $PSScriptRoot is that folder, nor in C# (AddScript text reads no files).
        /// </summary>
        public bool InScript(Microsoft.CodeAnalysis.Location location)
        {
            if (_script.At == null || location.Kind != Microsoft.CodeAnalysis.LocationKind.ExternalFile) return false;
            _script.Path ??= _script.At(0, 0).GetLineSpan().Path;
            string path = location.GetLineSpan().Path;
            if (path == _script.Path) return location.SourceSpan.End <= _script.Text.Length;
            return string.Equals(Folder(path), Folder(_script.Path), StringComparison.Ordinal);
        }

        /// <summary>
        /// The text and positions of the file <paramref name="location"/> is in: the script's own, or a file it dot-sources
        /// or imports; null for any other, and for a span past the file's end.
        /// </summary>
        public (string Text, Func<int, int, Microsoft.CodeAnalysis.Location> At)? FileAt(Microsoft.CodeAnalysis.Location location)
        {
            if (_script.At == null || location.Kind != Microsoft.CodeAnalysis.LocationKind.ExternalFile) return null;
            _script.Path ??= _script.At(0, 0).GetLineSpan().Path;
            string path = location.GetLineSpan().Path;
            if (path == _script.Path) return location.SourceSpan.End <= _script.Text.Length ? (_script.Text, _script.At) : ((string, Func<int, int, Microsoft.CodeAnalysis.Location>)?)null;
            foreach (ImportedFile file in Reachable())
            {
                if (file.Path == path) return location.SourceSpan.End <= file.Text.Length ? (file.Text, file.At) : ((string, Func<int, int, Microsoft.CodeAnalysis.Location>)?)null;
            }

            return null;
        }

        /// <summary>
        /// Whether the script may run in strict mode, where reading a property or key an object lacks with a dot
        /// ($vm.Pxe) is an error, not $null (Set-StrictMode -Version 2.0 and later): its text, or that of a file it
        /// dot-sources or imports, names Set-StrictMode or Set-PSDebug (whose -Strict is version 1). A session may have
        /// turned it on before the script runs; the default is off.
        /// </summary>
        public bool MayBeStrict
        {
            get
            {
                if (_script.Strict ??= NamesStrictMode(_script.Text)) return true;
                return _script.At != null && Reachable().Exists(file => NamesStrictMode(file.Text));
            }
        }

        private static bool NamesStrictMode(string text) =>
            text.IndexOf("Set-StrictMode", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("Set-PSDebug", StringComparison.OrdinalIgnoreCase) >= 0;

        internal static string Folder(string path)
        {
            string normal = path.Replace('\\', '/');
            int slash = normal.LastIndexOf('/');
            return slash < 0 ? string.Empty : normal.Substring(0, slash);
        }

        /// <summary>The function of the script a command of that name calls; null for any other command.</summary>
        public PowerShellScript.ScriptFunction? Function(string name)
        {
            if (_script.At == null) return null;
            if (_script.ByName == null)
            {
                _script.ByName = new Dictionary<string, PowerShellScript.ScriptFunction?>(StringComparer.OrdinalIgnoreCase);
                foreach (PowerShellScript.ScriptFunction f in Definitions()) _script.ByName[f.Name] = _script.ByName.ContainsKey(f.Name) ? null : f;
            }

            return _script.ByName.TryGetValue(name, out PowerShellScript.ScriptFunction? function) ? function : null;
        }

        /// <summary>The definition that starts at <paramref name="start"/> of a function the script calls; null for none.</summary>
        public PowerShellScript.ScriptFunction? CalledFunctionAt(int start) => OwnDefinitions().Find(f => f.Start == start && f.Called && Function(f.Name) == f);

        /// <summary>
        /// The definition that starts at <paramref name="start"/> in <paramref name="text"/>, the text of a script this one
        /// dot-sources: its functions run where they are called, so their definitions are passed over where they are
        /// written. Null for any other text or position.
        /// </summary>
        public PowerShellScript.ScriptFunction? SourcedFunctionAt(string text, int start)
        {
            foreach (ImportedFile file in Reachable())
            {
                if (ReferenceEquals(file.Text, text)) return file.Functions.Find(f => f.Start == start);
            }

            return null;
        }

        /// <summary>
        /// The script the statement at <paramref name="start"/> of <paramref name="text"/> dot-sources: the script's own
        /// text, or that of a script it dot-sources (. .\Settings.ps1 in .\LabFunctions.ps1, relative to that script's
        /// folder), directly or through another. Null for any other statement.
        /// </summary>
        public ImportedFile? SourcedAt(string text, int start)
        {
            Dictionary<int, ImportedFile>? sources = ReferenceEquals(text, _script.Text) ? Sources() : null;
            if (sources == null)
            {
                foreach (ImportedFile file in Reachable())
                {
                    if (!ReferenceEquals(file.Text, text) || file.Module) continue;
                    sources = SourcesOf(file);
                    break;
                }
            }

            return sources != null && sources.TryGetValue(start, out ImportedFile? sourced) && !sourced.Module ? sourced : null;
        }

        /// <summary>
        /// Starts reading the statements of <paramref name="file"/>, which a statement being read dot-sources: false when
        /// that would dot-source a script already being read (PowerShell repeats such a cycle until its call stack
        /// overflows, and HvLint stops there) or go deeper than <see cref="MaxSourcingDepth"/>.
        /// </summary>
        public bool EnterSourced(ImportedFile file)
        {
            if (_script.Sourcing.Count >= MaxSourcingDepth || _script.Sourcing.Contains(file)) return false;
            _script.Sourcing.Add(file);
            return true;
        }

        public void ExitSourced() => _script.Sourcing.RemoveAt(_script.Sourcing.Count - 1);

        /// <summary>How many dot-sourced scripts deep HvLint reads: past real scripts' chains of settings and helpers.</summary>
        private const int MaxSourcingDepth = 8;

        /// <summary>
        /// Every function the script can call: its own, then those of the scripts it dot-sources (and those they
        /// dot-source, in the order they run) and the modules it imports (. "$PSScriptRoot\LabFunctions.ps1", Import-Module
        /// .\LabTools.psm1) where HvLint has the file.
        /// </summary>
        private List<PowerShellScript.ScriptFunction> Definitions()
        {
            if (_script.Definitions != null) return _script.Definitions;
            var all = new List<PowerShellScript.ScriptFunction>(OwnDefinitions());
            foreach (ImportedFile file in Reachable()) all.AddRange(file.Functions);
            return _script.Definitions = all;
        }

        /// <summary>
        /// The files the script dot-sources or imports, each once, in the order their statements run: after each
        /// dot-sourced script, the files it dot-sources or imports in turn; after a module, the scripts it dot-sources
        /// (the Public and Private folders of many modules), whose functions are the module's. A module's imports are its
        /// own, not the script's.
        /// </summary>
        private List<ImportedFile> Reachable()
        {
            if (_script.Reachable != null) return _script.Reachable;
            var files = new List<ImportedFile>();
            Dictionary<int, ImportedFile> direct = Sources();
            if (direct.Count == 0) return _script.Reachable = files; // most scripts: sorting nothing would still load LINQ's sort
            void Add(Dictionary<int, ImportedFile> sources, int depth)
            {
                foreach (KeyValuePair<int, ImportedFile> source in sources.OrderBy(source => source.Key))
                {
                    if (files.Contains(source.Value)) continue;
                    files.Add(source.Value);
                    if (source.Value.Module)
                    {
                        AddModuleScripts(source.Value, source.Value, 1);
                        if (_script.ModuleParts != null && _script.ModuleParts.TryGetValue(source.Value, out List<ImportedFile>? parts))
                        {
                            foreach (ImportedFile part in parts.Where(part => !files.Contains(part)))
                            {
                                files.Add(part);
                                AddModuleScripts(part, part, 1);
                            }
                        }
                    }
                    else if (depth < MaxSourcingDepth)
                    {
                        Add(SourcesOf(source.Value), depth + 1);
                    }
                }
            }

            // The scripts a module (or a script it dot-sources) dot-sources run in the module's scope: their functions read
            // the module's variables, as its own do.
            void AddModuleScripts(ImportedFile file, ImportedFile module, int depth)
            {
                if (depth > MaxSourcingDepth) return;
                foreach (KeyValuePair<int, ImportedFile> source in SourcesOf(file).OrderBy(source => source.Key))
                {
                    // A key past the text is a script a listing names, dot-sourced in a loop (ListedSources).
                    if ((source.Key < file.Text.Length && file.Text[source.Key] != '.') || files.Contains(source.Value)) continue;
                    source.Value.Module = true;
                    source.Value.ModuleScope = module;
                    files.Add(source.Value);
                    AddModuleScripts(source.Value, module, depth + 1);
                }
            }

            Add(direct, 1);
            return _script.Reachable = files;
        }

        /// <summary>
        /// What a dot-sourced script or an imported module dot-sources and imports, as <see cref="Sources"/> finds them in
        /// the script's own text, by the paths it writes relative to its own folder ($PSScriptRoot there is that folder).
        /// </summary>
        private Dictionary<int, ImportedFile> SourcesOf(ImportedFile file)
        {
            _script.NestedSources ??= new Dictionary<ImportedFile, Dictionary<int, ImportedFile>>();
            if (_script.NestedSources.TryGetValue(file, out Dictionary<int, ImportedFile>? known)) return known;
            _script.NestedSources[file] = new Dictionary<int, ImportedFile>(); // a file that dot-sources itself finds this
            return _script.NestedSources[file] = RootOf(file) is string root ? SourcesIn(file.Text, root) : new Dictionary<int, ImportedFile>();
        }

        /// <summary>
        /// The folder of <paramref name="file"/> from the script's folder, its $PSScriptRoot in the paths it writes
        /// ("lib", "Modules/Lab", "../shared"). A path it writes without $PSScriptRoot is relative to the folder the script
        /// runs from, which HvLint takes to be the script's own, as for the script's paths. Null where the script has no
        /// folder (AddScript text, or a script file code reads).
        /// </summary>
        public string? RootOf(ImportedFile file)
        {
            if (_script.Imported == null || _script.At == null) return null;
            if (InScript(file.At(0, 0))) return _script.FolderRoot;
            if (_script.At(0, 0).Kind != Microsoft.CodeAnalysis.LocationKind.ExternalFile) return null;
            _script.Home ??= PowerShellScriptFileAnalyzer.FullPath(Folder(_script.Path ??= _script.At(0, 0).GetLineSpan().Path));
            return RelativeFolder(_script.Home, PowerShellScriptFileAnalyzer.FullPath(Folder(file.Path)));
        }

        /// <summary>
        /// Has <paramref name="own"/>, which reads the statements of <paramref name="module"/> for the variables they fix,
        /// read them as the script's are, with the module's folder for $PSScriptRoot: the scripts it dot-sources and the
        /// files it reads are those the script's lookup has.
        /// </summary>
        public void ReadAsModule(ScriptVariables own, ImportedFile module)
        {
            if (!(RootOf(module) is string root)) return;
            own._script.Imported = _script.Imported;
            own._script.Listed = _script.Listed;
            own._script.Home = _script.Home;
            own._script.ScriptRoot = own._script.FolderRoot = root;
        }

        /// <summary>
        /// The way from one folder to another ('/' between folders, as FullPath writes them), with ".." for each folder up;
        /// null when <paramref name="from"/> starts further up ("../../lab" to "../tools"), whose folders' names the paths
        /// do not give.
        /// </summary>
        internal static string? RelativeFolder(string from, string to)
        {
            string[] a = from.Length == 0 ? new string[0] : from.Split('/'), b = to.Length == 0 ? new string[0] : to.Split('/');
            int common = 0;
            while (common < a.Length && common < b.Length && string.Equals(a[common], b[common], StringComparison.OrdinalIgnoreCase)) common++;
            if (Array.IndexOf(a, "..", common) >= 0) return null;
            string way = string.Join("/", Enumerable.Repeat("..", a.Length - common).Concat(b.Skip(common)));
            return way.Length == 0 ? "." : way;
        }

        private List<PowerShellScript.ScriptFunction> OwnDefinitions()
        {
            if (_script.Own != null) return _script.Own;
            bool defines = _script.Text.IndexOf("function", StringComparison.OrdinalIgnoreCase) >= 0 || _script.Text.IndexOf("filter", StringComparison.OrdinalIgnoreCase) >= 0;
            return _script.Own = defines ? PowerShellScript.Functions(_script.Text) : new List<PowerShellScript.ScriptFunction>();
        }

        /// <summary>
        /// The scripts the script dot-sources (. .\LabFunctions.ps1) and the modules it imports (Import-Module
        /// .\LabTools.psm1) by a path it writes out, where HvLint has the file (<see cref="Imported"/>), by where their
        /// statements start in its text. Found when first asked for; a script that computes the path is not in it.
        /// </summary>
        private Dictionary<int, ImportedFile> Sources() => _script.Sources ??= SourcesIn(_script.Text, _script.FolderRoot);

        /// <summary>
        /// The scripts and modules the statements of <paramref name="s"/> dot-source or import (<see cref="Sources"/>), where
        /// $PSScriptRoot is <paramref name="root"/>, the folder of the file <paramref name="s"/> is (<see cref="RootOf"/>).
        /// </summary>
        private Dictionary<int, ImportedFile> SourcesIn(string s, string root)
        {
            var sources = new Dictionary<int, ImportedFile>();
            Func<string, ImportedFile?>? imported = _script.Imported;
            if (imported == null || (s.IndexOf(". ", StringComparison.Ordinal) < 0 && s.IndexOf(".\t", StringComparison.Ordinal) < 0 && s.IndexOf("module", StringComparison.OrdinalIgnoreCase) < 0 && s.IndexOf("ipmo", StringComparison.OrdinalIgnoreCase) < 0)) return sources;
            // The folders the script adds to $env:PSModulePath before an import, where a bare name is looked up.
            var modulePath = new List<string>();
            bool computedSource = false;
            for (int i = 0; i < s.Length;)
            {
                if (PowerShellScript.SkipStringOrComment(s, ref i)) continue;
                bool dot = s[i] == '.' && i + 1 < s.Length && (s[i + 1] == ' ' || s[i + 1] == '\t') && AtStatementStart(s, i);
                bool module = !dot && (s[i] == 'I' || s[i] == 'i') && AtStatementStart(s, i) && (PowerShellScript.Keyword(s, i, "Import-Module") || PowerShellScript.Keyword(s, i, "ipmo"));
                // using module .\LabTools.psm1: loaded as the script is parsed, before any statement runs, relative to the
                // script's folder; a bare name from $env:PSModulePath as it is then, which the script's statements do not change.
                int usingModule = !dot && !module && (s[i] == 'u' || s[i] == 'U') && AtStatementStart(s, i) && PowerShellScript.Keyword(s, i, "using") ? UsingModule(s, i) : -1;
                bool setsModulePath = !dot && !module && usingModule < 0 && s[i] == '$' && string.Compare(s, i, ModulePathVariable, 0, ModulePathVariable.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (i + ModulePathVariable.Length == s.Length || !IsWordChar(s[i + ModulePathVariable.Length])) && AtStatementStart(s, i);
                if (!dot && !module && !setsModulePath && usingModule < 0)
                {
                    i++;
                    continue;
                }

                int end = i;
                while (end < s.Length && s[end] != '\n' && s[end] != '\r' && s[end] != ';')
                {
                    if (!PowerShellScript.SkipStringOrComment(s, ref end)) end++;
                }

                if (setsModulePath)
                {
                    modulePath.AddRange(ModulePathFolders(s.Substring(i + ModulePathVariable.Length, end - i - ModulePathVariable.Length), root));
                    i = end;
                    continue;
                }

                if (usingModule >= 0)
                {
                    // A quoted name, or a bare word: a comment may follow it.
                    string rest = s.Substring(usingModule, end - usingModule);
                    string name = rest.Length > 0 && (rest[0] == '\'' || rest[0] == '"')
                        ? rest.Substring(1, Math.Max(0, PowerShellScript.StringEnd(rest, 0) - 2))
                        : new string(rest.TakeWhile(c => !char.IsWhiteSpace(c)).ToArray());
                    // Relative to the folder of the file that has the statement, not to the one the script runs from.
                    if (name.Length > 0 && name[0] != '@' && ModuleFile(IsModuleName(name) || root == "." || PowerShellScriptFileAnalyzer.IsRooted(name) ? name : root + "\\" + name, new List<string>(), imported) is ImportedFile used)
                    {
                        used.Module = true;
                        sources[i] = used;
                    }

                    i = end;
                    continue;
                }

                string? written = PowerShellScript.SourcedPath(s.Substring(i, end - i), root);
                ImportedFile? file = written == null ? null : module ? ModuleFile(written, modulePath, imported) : PowerShellScriptFileAnalyzer.IsScript(written) ? imported(written) : null;
                if (file != null)
                {
                    file.Module = module;
                    sources[i] = file;
                }
                else if (dot && written == null)
                {
                    // . $_.FullName, . $import.FullName: a path the text computes, which the scripts it lists may give.
                    int target = i + 1;
                    while (target < end && (s[target] == ' ' || s[target] == '\t')) target++;
                    computedSource |= target < end && (s[target] == '$' || s[target] == '(');
                }

                i = end;
            }

            if (computedSource) ListedSources(s, root, sources);
            return sources;
        }

        /// <summary>
        /// The scripts a text that dot-sources a path it computes lists with Get-ChildItem, the way many modules and
        /// scripts load a folder of them: Get-ChildItem "$PSScriptRoot\Public\*.ps1" | ForEach-Object { . $_.FullName },
        /// or a foreach over $Public + $Private, each such a listing. Each is added as dot-sourced, past the text's end,
        /// in the order the listing gives: their functions are the text's, but their statements are not read where the loop
        /// runs them, so the loop may still write any variable.
        /// </summary>
        private void ListedSources(string s, string root, Dictionary<int, ImportedFile> sources)
        {
            if (_script.Listed == null) return;
            int key = Math.Max(s.Length, sources.Count == 0 ? 0 : sources.Keys.Max() + 1);
            foreach (string pattern in PowerShellScript.ListedPaths(s, root))
            {
                foreach (ImportedFile file in _script.Listed(pattern))
                {
                    if (sources.ContainsValue(file)) continue;
                    file.Module = false;
                    sources[key++] = file;
                }
            }
        }

        /// <summary>
        /// The script module Import-Module loads for the path a script writes: a .psm1 itself; a manifest's (.psd1) root
        /// module; for a folder, the manifest named for the folder, else the script module named for it (Import-Module
        /// .\Modules\LabTools loads LabTools.psd1 there, or LabTools.psm1). A bare module name (Import-Module LabTools) is
        /// such a folder in the folders of $env:PSModulePath: those of <paramref name="modulePath"/>, the ones the script
        /// adds. Null where HvLint has no such file.
        /// </summary>
        private ImportedFile? ModuleFile(string written, List<string> modulePath, Func<string, ImportedFile?> imported)
        {
            string path = written.TrimEnd('\\', '/');
            if (path.EndsWith(".psm1", StringComparison.OrdinalIgnoreCase)) return imported(path);
            ImportedFile? RootModule(string manifest)
            {
                if (!(imported(manifest) is ImportedFile psd1)) return null;
                ImportedFile? root = PowerShellScriptFileAnalyzer.RootModuleOf(manifest, psd1.Text) is string rootPath ? imported(rootPath) : null;
                // Its nested modules' functions are the module's too; one of them stands for a module without a root module.
                var parts = new List<ImportedFile>();
                foreach (string nested in PowerShellScriptFileAnalyzer.NestedModulesOf(manifest, psd1.Text))
                {
                    if (imported(nested) is ImportedFile part && part != root && !parts.Contains(part)) parts.Add(part);
                }

                if (root == null && parts.Count > 0)
                {
                    root = parts[0];
                    parts.RemoveAt(0);
                }

                if (root != null && parts.Count > 0)
                {
                    foreach (ImportedFile part in parts) part.Module = true;
                    (_script.ModuleParts ??= new Dictionary<ImportedFile, List<ImportedFile>>())[root] = parts;
                }

                return root;
            }
            if (path.EndsWith(".psd1", StringComparison.OrdinalIgnoreCase)) return RootModule(path);
            int slash = path.LastIndexOfAny(new[] { '\\', '/' });
            if (slash < 0)
            {
                // Not beside the script: PowerShell looks a bare name up in $env:PSModulePath only. The other folders there
                // (the user's and the system's modules, a version folder inside the module's) are the machine's.
                if (!IsModuleName(path)) return null;
                foreach (string folder in modulePath)
                {
                    if (ModuleFile(folder.TrimEnd('\\', '/') + "\\" + path, new List<string>(), imported) is ImportedFile found) return found;
                }

                return null;
            }

            string leaf = path.Substring(slash + 1);
            if (leaf.Length == 0 || leaf == "." || leaf == ".." || leaf.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || leaf.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase)) return null;
            return RootModule(path + "\\" + leaf + ".psd1") ?? imported(path + "\\" + leaf + ".psm1");
        }

        private const string ModulePathVariable = "$env:PSModulePath";

        /// <summary>Where the module name of a `using module NAME` statement at <paramref name="i"/> starts; -1 for any other using statement.</summary>
        private static int UsingModule(string s, int i)
        {
            int j = i + "using".Length;
            while (j < s.Length && (s[j] == ' ' || s[j] == '\t')) j++;
            if (!PowerShellScript.Keyword(s, j, "module")) return -1;
            j += "module".Length;
            while (j < s.Length && (s[j] == ' ' || s[j] == '\t')) j++;
            return j;
        }

        private static bool IsModuleName(string name) => name.Length > 0 && name.Length <= 128 && name.All(c => char.IsLetterOrDigit(c) || c == '.' || c == '-' || c == '_') && name.Trim('.').Length == name.Length;

        /// <summary>
        /// The folders a statement that sets $env:PSModulePath adds, from the text after the variable
        /// (= "$PSScriptRoot\Modules;$env:PSModulePath", += ";$PSScriptRoot\Modules"): each entry of its quoted strings,
        /// read as Import-Module reads a path, but for the variable's own value, which is the machine's.
        /// </summary>
        private static IEnumerable<string> ModulePathFolders(string assignment, string root)
        {
            string value = assignment.TrimStart();
            if (!(value.StartsWith("=", StringComparison.Ordinal) || value.StartsWith("+=", StringComparison.Ordinal))) yield break;
            for (int i = 0; i < value.Length;)
            {
                char quote = value[i];
                if (quote != '\'' && quote != '"')
                {
                    i++;
                    continue;
                }

                int end = PowerShellScript.StringEnd(value, i);
                string text = end - i >= 2 && value[end - 1] == quote ? value.Substring(i + 1, end - i - 2) : string.Empty;
                foreach (string entry in text.Split(';'))
                {
                    if (entry.Trim().Length == 0 || entry.IndexOf("$env:", StringComparison.OrdinalIgnoreCase) >= 0) continue;
                    if (PowerShellScript.SourcedPath("Import-Module " + quote + entry.Trim() + quote, root) is string folder) yield return folder;
                }

                i = end;
            }
        }

        /// <summary>
        /// Starts reading <paramref name="function"/>'s body for a call: false when that would recurse, go deeper than
        /// <see cref="MaxCallDepth"/>, or take the script past its allowance of block runs (the call is then a command
        /// HvLint does not know).
        /// </summary>
        public bool Enter(PowerShellScript.ScriptFunction function)
        {
            if (_script.Calling.Count >= MaxCallDepth || _script.Calling.Contains(function) || !TakeRuns(1)) return false;
            _script.Calling.Add(function);
            return true;
        }

        public void Leave(PowerShellScript.ScriptFunction function) => _script.Calling.Remove(function);

        /// <summary>
        /// For one call of a function: the constants known where it is called (a function reads its caller's variables),
        /// with each of its parameters holding what the call gives it, or unknown (null).
        /// </summary>
        /// <param name="bound">What $PSBoundParameters holds in the call, null where it is unknown.</param>
        /// <param name="module">For a function of a module, the module's variables (<see cref="ImportedFile.Variables"/>), which it reads instead of its caller's.</param>
        /// <param name="moduleFile">For a function of a module, its file read as a script of its own (<see cref="ImportedFile.Own"/>), whose writes count the function's: the script's do not.</param>
        public ScriptVariables ForCall(Dictionary<string, CodeValue?> parameters, ScriptHashtable? bound = null, IReadOnlyDictionary<string, CodeValue>? module = null, ScriptVariables? moduleFile = null)
        {
            var run = new ScriptVariables(_script) { _writesFrom = moduleFile };
            Inherit(run, keys: module == null); // a module's function reads the module's variables, not the script's
            if (module != null)
            {
                foreach (KeyValuePair<string, CodeValue> c in module) run._constants[c.Key] = new KeyValuePair<CodeValue, int>(c.Value, 0);
            }
            else
            {
                foreach (KeyValuePair<string, KeyValuePair<CodeValue, int>> c in _constants) run._constants[c.Key] = new KeyValuePair<CodeValue, int>(c.Value.Key, 0);
            }

            foreach (KeyValuePair<string, CodeValue?> p in parameters)
            {
                if (p.Value != null && p.Value.IsKnown) run._constants[p.Key] = new KeyValuePair<CodeValue, int>(p.Value, 0);
                else run._constants.Remove(p.Key);
            }

            if (bound != null) run._constants[BoundParameters] = new KeyValuePair<CodeValue, int>(new CodeValue(bound, true, Microsoft.CodeAnalysis.Location.None), 0);
            else run._constants.Remove(BoundParameters);
            return run;
        }

        // The automatic variable a function reads its caller's arguments from.
        private const string BoundParameters = "PSBoundParameters";

        /// <summary>The variables the script fixes where it is read to (at its end: those of its own scope).</summary>
        public Dictionary<string, CodeValue> Constants()
        {
            var constants = new Dictionary<string, CodeValue>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, KeyValuePair<CodeValue, int>> c in _constants) constants[c.Key] = c.Value.Key;
            return constants;
        }

        /// <summary>The variables of <paramref name="script"/>, none of them a constant yet.</summary>
        public static ScriptVariables For(string script) => new ScriptVariables(new ScriptWrites(script));

        /// <summary>Takes <paramref name="count"/> runs of a loop's block from the script's allowance; false when it has too few left.</summary>
        public bool TakeRuns(int count)
        {
            if (_script.Runs < count) return false;
            _script.Runs -= count;
            return true;
        }

        /// <summary>Every write of every variable in the script, counted before the first assignment is taken as a constant.</summary>
        private Dictionary<string, int> Writes()
        {
            if (_script.Counts != null) return _script.Counts;
            _script.Counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            CountWrites(_script.Text, null, new List<ImportedFile>());
            var changes = new List<(string Variable, string? Key, int Statement)>(_script.Changes ?? new List<(string, string?, int)>());
            foreach ((string variable, List<string>? keys, int statement) in _script.TableAdds ?? new List<(string, List<string>?, int)>())
            {
                // Keys added to a table of its own change it as key sets do; to anything else, += is a write.
                if (!IsOwnTable(variable)) Write(variable, 1);
                else if (keys == null) changes.Add((variable, null, -1));
                else foreach (string key in keys) changes.Add((variable, key, statement));
            }

            var sets = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase); // changes of each key of an own table
            foreach ((string variable, string? key, _) in changes)
            {
                if (key != null && IsOwnTable(variable)) sets[variable + "\n" + key] = sets.TryGetValue(variable + "\n" + key, out int n) ? n + 1 : 1;
            }

            List<(int Open, int Close)>? blocks = null;
            foreach ((string variable, string? key, int statement) in changes)
            {
                if (IsOwnTable(variable))
                {
                    // One statement that sets the key, after the table's assignment and in the same run of the same
                    // blocks, is met in order (InOrder); any other change makes the key unknown wherever it is read.
                    if (key != null && statement >= 0 && sets[variable + "\n" + key] == 1 && _script.TableAt!.TryGetValue(variable, out int assigned) && assigned >= 0 && assigned < statement
                        && PowerShellScript.RepeatingBlockOf(blocks ??= PowerShellScript.RepeatingBlocks(_script.Text), assigned) == PowerShellScript.RepeatingBlockOf(blocks, statement))
                    {
                        (_script.InOrder ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(variable + "\n" + key);
                        continue;
                    }

                    _script.ChangedOf ??= new Dictionary<string, HashSet<string>?>(StringComparer.OrdinalIgnoreCase);
                    if (!_script.ChangedOf.TryGetValue(variable, out HashSet<string>? keys)) _script.ChangedOf[variable] = keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    if (key == null) _script.ChangedOf[variable] = null;
                    else keys?.Add(key);
                }
                else if (key == null)
                {
                    _script.AnyMemberChanged = true;
                }
                else
                {
                    (_script.MembersChanged ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(key);
                }
            }

            foreach (KeyValuePair<string, List<int>> assigned in _script.Assignments ?? new Dictionary<string, List<int>>())
            {
                if (assigned.Value.Count < 2 || !_script.Counts.TryGetValue(assigned.Key, out int writes) || writes != assigned.Value.Count) continue;
                blocks ??= PowerShellScript.RepeatingBlocks(_script.Text);
                int block = PowerShellScript.RepeatingBlockOf(blocks, assigned.Value[0]);
                // Assigned in several blocks (a loop's body each), every mention of it must be read where it runs.
                if (!assigned.Value.TrueForAll(at => PowerShellScript.RepeatingBlockOf(blocks, at) == block)) block = -1;
                if (ReadInPlace(assigned.Key, block, blocks))
                {
                    (_script.AssignedInOrder ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(assigned.Key);
                }
            }

            return _script.Counts;
        }

        /// <summary>
        /// Whether every mention of $<paramref name="name"/> inside the repeating block at <paramref name="block"/> (-1: the
        /// text's own level) is read where it runs: there, or in a loop's body or a ForEach-Object or Where-Object block
        /// inside it, which run where they are written. A function's body or a script block kept in a variable may run after
        /// a later assignment than the reading meets before it. Mentions in text and comments count too ("$name-disk").
        /// </summary>
        private bool ReadInPlace(string name, int block, List<(int Open, int Close)> blocks)
        {
            string s = _script.Text;
            foreach (string written in new[] { "$" + name, "{" + name, ":" + name }) // $name, ${name}, $script:name and $using:name
            {
                for (int at = s.IndexOf(written, StringComparison.OrdinalIgnoreCase); at >= 0; at = s.IndexOf(written, at + 1, StringComparison.OrdinalIgnoreCase))
                {
                    int end = at + written.Length;
                    if (end < s.Length && (char.IsLetterOrDigit(s[end]) || s[end] == '_')) continue;
                    foreach ((int open, int close) in blocks)
                    {
                        if (open > block && open < at && at < close && !RunsInPlace(s, open)) return false;
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// Whether the block whose '{' is at <paramref name="open"/> runs where it is written: a foreach, for or while
        /// loop's body, a do loop's, or a script block given to ForEach-Object or Where-Object (%, ?, foreach, where).
        /// </summary>
        private static bool RunsInPlace(string s, int open)
        {
            int k = open - 1;
            while (k >= 0 && char.IsWhiteSpace(s[k])) k--;
            if (k >= 0 && s[k] == ')')
            {
                for (int depth = 0; k >= 0; k--)
                {
                    if (s[k] == ')') depth++;
                    else if (s[k] == '(' && --depth == 0) break;
                }

                k--;
                while (k >= 0 && (s[k] == ' ' || s[k] == '\t')) k--;
                string keyword = WordEndingAt(s, k);
                return keyword.Equals("foreach", StringComparison.OrdinalIgnoreCase) || keyword.Equals("for", StringComparison.OrdinalIgnoreCase) || keyword.Equals("while", StringComparison.OrdinalIgnoreCase);
            }

            return InPlaceBlockWords.Contains(WordEndingAt(s, k));
        }

        // The words before a block that runs where it is written: a do loop's, and ForEach-Object's and Where-Object's.
        private static readonly HashSet<string> InPlaceBlockWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "do", "ForEach-Object", "%", "Where-Object", "?", "foreach", "where",
        };

        // The word (letters, digits, '-', or a lone % or ?) that ends at k, where a blank, '|', ';', '}' or the text's start
        // is before it; empty for any other.
        private static string WordEndingAt(string s, int k)
        {
            if (k < 0) return string.Empty;
            int start = k;
            if (s[k] != '%' && s[k] != '?')
            {
                while (start >= 0 && (char.IsLetterOrDigit(s[start]) || s[start] == '-' || s[start] == '_')) start--;
                start++;
            }

            return start > 0 && !char.IsWhiteSpace(s[start - 1]) && s[start - 1] != '|' && s[start - 1] != '}' && s[start - 1] != ';' ? string.Empty : s.Substring(start, k - start + 1);
        }

        /// <summary>
        /// $<paramref name="name"/> = ... is read here: a variable assigned in order (<see cref="ScriptWrites.AssignedInOrder"/>)
        /// no longer holds what an earlier assignment gave it, but only what this one gives (<see cref="Assign"/>), if
        /// HvLint knows it. The value is forgotten before it is read, so $name = $name.Trim() is unknown.
        /// </summary>
        public void Reassign(string name)
        {
            name = Unscoped(name, reading: false);
            ScriptVariables counted = _writesFrom ?? this;
            counted.Writes();
            if (counted._script.AssignedInOrder == null || !counted._script.AssignedInOrder.Contains(name)) return;
            _constants.Remove(name);
            _keysSet?.Remove(name);
        }

        /// <summary>Whether <paramref name="variable"/> holds a table of its own: assigned once, a table written @{ } or a copy.</summary>
        private bool IsOwnTable(string variable) =>
            _script.TableNames != null && _script.TableNames.Contains(variable) && _script.Counts!.TryGetValue(variable, out int writes) && writes == 1;

        /// <summary>
        /// Whether the key of the table <paramref name="variable"/> holds is set in order (<see cref="ScriptWrites.InOrder"/>)
        /// and changed nowhere else, not through another variable either.
        /// </summary>
        private bool SetInOrder(string variable, string key)
        {
            Writes();
            if (_script.InOrder == null || !_script.InOrder.Contains(variable + "\n" + key)) return false;
            if (_script.ChangedOf != null && _script.ChangedOf.TryGetValue(variable, out HashSet<string>? own) && own == null) return false;
            return !(KeysChangedAnywhere(out bool any)?.Contains(key) == true || any);
        }

        /// <summary>
        /// Counts the writes of <paramref name="script"/>: the script's own text, or the text of a script it dot-sources
        /// (<paramref name="sourced"/>), whose statements run in its scope and so write its variables.
        /// </summary>
        /// <param name="counting">The dot-sourced scripts whose writes are being counted, innermost last: one sourced again
        /// (a cycle) may write anything.</param>
        private void CountWrites(string script, ImportedFile? sourced, List<ImportedFile> counting)
        {
            // The script's own param( ) block: a default there is what a parameter holds when the code that runs the script
            // leaves it out, so it is no write that a value the code gives would have to yield to. (A dot-sourced script's
            // block is another matter: see FunctionParameters.)
            int ownParameters = sourced == null ? PowerShellScript.ScriptParamBlockOpen(script) : -1;
            int ownParametersEnd = ownParameters >= 0 ? PowerShellScript.Closing(script, ownParameters, '(', ')') : -1;
            int parens = 0;
            int i = 0;
            while (i < script.Length)
            {
                if (PowerShellScript.SkipStringOrComment(script, ref i)) continue;
                char c = script[i];
                if (c == '(') parens++;
                else if (c == ')' && parens > 0) parens--;

                if (c == '$')
                {
                    i = ScanVariable(script, i, parens, defaultOfOwnParameter: parens == 1 && i > ownParameters && i < ownParametersEnd);
                    continue;
                }

                if (c == '-' && i + 1 < script.Length && char.IsLetter(script[i + 1]) && (i == 0 || !IsWordChar(script[i - 1])))
                {
                    i = ScanParameter(script, i);
                    continue;
                }

                if (c == '.' && AtStatementStart(script, i) && i + 1 < script.Length && char.IsWhiteSpace(script[i + 1]))
                {
                    // . .\settings.ps1 runs another script in this one's scope: its writes are this script's, where HvLint
                    // has it (and the scripts it dot-sources beside it); any variable may change otherwise.
                    if (SourcedAt(script, i) is ImportedFile file && !counting.Contains(file) && counting.Count < MaxSourcingDepth)
                    {
                        counting.Add(file);
                        CountWrites(file.Text, file, counting);
                        counting.RemoveAt(counting.Count - 1);
                    }
                    else
                    {
                        _script.AnyMayChange = true;
                    }
                }
                else if (IsWordChar(c) && (i == 0 || !IsWordChar(script[i - 1])))
                {
                    int start = i;
                    while (i < script.Length && IsWordChar(script[i])) i++;
                    string word = script.Substring(start, i - start);
                    if (Writers.Contains(word)) _script.AnyMayChange = true;
                    else if (FunctionParameters(script, sourced, start, word) is int open)
                    {
                        // A function's parameters hold what each call passes, never the script's variable of that name.
                        foreach (string parameter in PowerShellScript.ParameterList(script, open, out _)) Write(parameter, 2);
                    }

                    continue;
                }

                i++;
            }
        }

        /// <summary>
        /// The '(' of the parameters a function or script block declares, at the word <paramref name="word"/> that starts at
        /// <paramref name="start"/>: a param( ) block other than the script's own (whose parameters the code that runs the
        /// script gives), or the list of function NAME( ... ); null for anything else.
        /// </summary>
        private int? FunctionParameters(string s, ImportedFile? sourced, int start, string word)
        {
            if (string.Equals(word, "param", StringComparison.OrdinalIgnoreCase))
            {
                // A dot-sourced script's own param( ) block is given what the statement that runs it passes: a write too.
                int j = start + word.Length;
                while (j < s.Length && char.IsWhiteSpace(s[j])) j++;
                return j < s.Length && s[j] == '(' && (sourced != null || j != PowerShellScript.ScriptParamBlockOpen(s)) ? j : (int?)null;
            }

            if (!string.Equals(word, "function", StringComparison.OrdinalIgnoreCase) && !string.Equals(word, "filter", StringComparison.OrdinalIgnoreCase)) return null;
            PowerShellScript.ScriptFunction? defined = (sourced?.Functions ?? OwnDefinitions()).Find(f => f.Start == start);
            return defined != null && defined.Parameters >= 0 && defined.Parameters < defined.BodyOpen ? defined.Parameters : (int?)null;
        }

        /// <summary>
        /// For one run of a loop's block: the constants known where the loop starts, and the loop's variables
        /// (<paramref name="names"/>) holding <paramref name="item"/>. Writes are counted over the whole script still.
        /// </summary>
        public ScriptVariables ForItem(string[] names, object item)
        {
            var run = new ScriptVariables(_script) { _writesFrom = _writesFrom };
            Inherit(run);
            foreach (KeyValuePair<string, KeyValuePair<CodeValue, int>> c in _constants) run._constants[c.Key] = new KeyValuePair<CodeValue, int>(c.Value.Key, 0);
            CodeValue held = ItemValue(item);
            foreach (string name in names) run._constants[name] = new KeyValuePair<CodeValue, int>(held, 0);
            return run;
        }

        /// <summary>
        /// A table as the script may have changed it in place: a loop's item, which a loop's variable (or $_) holds
        /// itself, so that $vm.Pxe = $true in this run or another, or in another loop over the same items, changes what
        /// a later read sees; or the table a variable holds. A copy whose changed keys hold unknown values (present or
        /// not, unknown too); the table itself when the script changes none of its keys.
        /// </summary>
        /// <param name="variable">For a table a variable holds, the variable: the keys changed through it count too.</param>
        private ScriptHashtable AsChanged(ScriptHashtable table, string? variable = null)
        {
            HashSet<string>? keys = KeysChangedAnywhere(out bool any);
            foreach (ScriptWrites? writes in new[] { _script, _writesFrom?._script })
            {
                if (variable == null || writes?.ChangedOf == null || !writes.ChangedOf.TryGetValue(variable, out HashSet<string>? own)) continue;
                if (own == null) any = true;
                else keys = keys == null ? own : new HashSet<string>(keys.Concat(own), StringComparer.OrdinalIgnoreCase);
            }

            if (!any && keys == null) return table;
            var changed = new ScriptHashtable { IsHashtable = table.IsHashtable, Complete = table.Complete && !any, AnyKeyChanged = any, ChangedKeys = keys };
            foreach (KeyValuePair<string, CodeValue> e in table)
            {
                bool unknown = any || keys!.Contains(e.Key);
                changed.Add(unknown ? new KeyValuePair<string, CodeValue>(e.Key, CodeValue.Unknown(e.Value.Location)) : e);
            }

            foreach (string key in keys ?? Enumerable.Empty<string>())
            {
                if (!changed.Exists(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase))) changed.Add(new KeyValuePair<string, CodeValue>(key, CodeValue.Unknown(Microsoft.CodeAnalysis.Location.None)));
            }

            return changed;
        }

        /// <summary>
        /// The keys the script changes in place through a variable that may hold any table (a loop's, $_, a function's
        /// parameter), which may be of any table: the script's changes, and for a module's function those of the
        /// module's file, whose text the script's writes do not count. <paramref name="any"/> for a key not named.
        /// </summary>
        private HashSet<string>? KeysChangedAnywhere(out bool any)
        {
            Writes();
            _writesFrom?.Writes();
            any = _script.AnyMemberChanged || _writesFrom?._script.AnyMemberChanged == true;
            HashSet<string>? script = _script.MembersChanged, module = _writesFrom?._script.MembersChanged;
            return module == null ? script : script == null ? module : new HashSet<string>(script.Concat(module), StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>A block ({) opens: assignments in it hold until it closes.</summary>
        public void Open() => _blocks.Add(_nextBlock++);

        /// <summary>
        /// A block closes (}): what was assigned in it is not known after it (a function's or an if's own), and a key set
        /// in order in it (<see cref="SetInOrder"/>) is unknown after it, as the block may not have run. A block that
        /// <paramref name="ran"/> (the branch of an if whose conditions the script fixes) leaves both as they are.
        /// </summary>
        public void Close(bool ran = false)
        {
            if (_blocks.Count == 1) return; // a '}' with no '{' before it
            int block = _blocks[_blocks.Count - 1];
            _blocks.RemoveAt(_blocks.Count - 1);
            int outer = _blocks[_blocks.Count - 1];
            foreach (KeyValuePair<string, KeyValuePair<CodeValue, int>> c in _constants.Where(c => c.Value.Value == block).ToList())
            {
                if (ran) _constants[c.Key] = new KeyValuePair<CodeValue, int>(c.Value.Key, outer);
                else _constants.Remove(c.Key);
            }

            if (_keysSet == null) return;
            foreach (KeyValuePair<string, Dictionary<string, KeyValuePair<CodeValue, int>>> variable in _keysSet)
            {
                foreach (KeyValuePair<string, KeyValuePair<CodeValue, int>> k in variable.Value.Where(k => k.Value.Value == block).ToList())
                {
                    if (ran) variable.Value[k.Key] = new KeyValuePair<CodeValue, int>(k.Value.Key, outer);
                    else if (SetInOrder(variable.Key, k.Key)) variable.Value[k.Key] = new KeyValuePair<CodeValue, int>(CodeValue.Unknown(k.Value.Key.Location), outer);
                    else variable.Value.Remove(k.Key);
                }
            }
        }

        /// <summary>
        /// $params.Name = 'web01' (or $params['Name'] = ...), read in order: from here until the block closes the key holds
        /// <paramref name="value"/> (null for a value HvLint does not know, which forgets an earlier one). Only for a
        /// table the variable holds itself (a key no other variable sets, which might be of the same table).
        /// </summary>
        public void SetKey(string name, string key, CodeValue? value)
        {
            name = Unscoped(name, reading: false);
            _setInRun?.Invoke(name, key);
            Dictionary<string, KeyValuePair<CodeValue, int>>? keys = null;
            _keysSet?.TryGetValue(name, out keys);
            keys?.Remove(key);
            bool elsewhere = KeysChangedAnywhere(out bool any)?.Contains(key) == true || any;
            if (elsewhere || !_constants.ContainsKey(name)) return;

            // A key set in order holds what this set gives from here, unknown for a value HvLint does not know; any other
            // key is unknown without a set (AsChanged).
            if (value == null || !value.IsKnown)
            {
                if (!SetInOrder(name, key)) return;
                value = CodeValue.Unknown(value?.Location ?? Microsoft.CodeAnalysis.Location.None);
            }

            _keysSet ??= new Dictionary<string, Dictionary<string, KeyValuePair<CodeValue, int>>>(StringComparer.OrdinalIgnoreCase);
            if (keys == null) _keysSet[name] = keys = new Dictionary<string, KeyValuePair<CodeValue, int>>(StringComparer.OrdinalIgnoreCase);
            keys[key] = new KeyValuePair<CodeValue, int>(value, _blocks[_blocks.Count - 1]);
        }

        /// <summary>
        /// $params.Remove('BootDevice'), read in order: from here the table lacks the key, as <see cref="SetKey"/> would
        /// give it a value. Only a table the variable holds itself (written @{ }) is read so; that is a hashtable, which
        /// has Remove, as a [PSCustomObject] has not.
        /// </summary>
        public void RemoveKey(string name, string key) => SetKey(name, key, new CodeValue(Removed, true, Microsoft.CodeAnalysis.Location.None));

        // What a key removed in order holds (RemoveKey): the table read from then on lacks it.
        private static readonly object Removed = new object();

        /// <summary>
        /// $name += @{ ... } or $name.Add('Key', value) read in order (<paramref name="entries"/> the keys added): each
        /// key is set (<see cref="SetKey"/>); where the table has one of them already, the statement fails, the table stays
        /// as it was, and this returns false.
        /// </summary>
        public bool AddKeys(string name, ScriptHashtable entries)
        {
            bool mayFail = false;
            if (TryRead(name, out CodeValue? held) && held!.Value is ScriptHashtable table)
            {
                // A key the table may have or not (changed where HvLint cannot follow) may make the statement fail: every
                // key it adds is then unknown.
                mayFail = table.AnyKeyChanged || entries.Exists(e => table.ChangedKeys?.Contains(e.Key) ?? false);
                if (!mayFail && entries.Exists(e => table.Exists(t => string.Equals(t.Key, e.Key, StringComparison.OrdinalIgnoreCase)))) return false;
            }

            foreach (KeyValuePair<string, CodeValue> e in entries) SetKey(name, e.Key, mayFail ? null : e.Value);
            return true;
        }

        /// <summary>
        /// A switch whose clauses are read where they are, once, though its value may be a list whose items run them
        /// again: each key set in order (<see cref="SetInOrder"/>) on a table whose variable the switch's body (between
        /// <paramref name="open"/> and <paramref name="close"/> of <paramref name="s"/>) names is unknown from here, as an
        /// earlier run may have set it.
        /// </summary>
        public void Unsettle(string s, int open, int close)
        {
            Writes();

            // So is a variable assigned in order in the body: a clause read before the one that assigns it may run after it.
            foreach (string name in _script.AssignedInOrder ?? Enumerable.Empty<string>())
            {
                if (ReferenceEquals(s, _script.Text) && _script.Assignments![name].Exists(at => at > open && at < close)) _constants.Remove(name);
            }

            if (_script.InOrder == null) return;
            foreach (string entry in _script.InOrder)
            {
                int split = entry.IndexOf('\n');
                string name = entry.Substring(0, split), key = entry.Substring(split + 1);
                if (!_constants.ContainsKey(name) || !SetInOrder(name, key) || !PowerShellScript.Mentions(s, open, close, name)) continue; // $p, $script:p, ${p}
                _keysSet ??= new Dictionary<string, Dictionary<string, KeyValuePair<CodeValue, int>>>(StringComparer.OrdinalIgnoreCase);
                if (!_keysSet.TryGetValue(name, out Dictionary<string, KeyValuePair<CodeValue, int>>? keys)) _keysSet[name] = keys = new Dictionary<string, KeyValuePair<CodeValue, int>>(StringComparer.OrdinalIgnoreCase);
                keys[key] = new KeyValuePair<CodeValue, int>(CodeValue.Unknown(Microsoft.CodeAnalysis.Location.None), _blocks[_blocks.Count - 1]);
            }
        }

        /// <summary>What $_ and $PSItem held before <see cref="HoldItem"/>, given back by <see cref="Release"/>.</summary>
        internal sealed class HeldItem
        {
            public HeldItem(List<KeyValuePair<string, KeyValuePair<CodeValue, int>?>> before) => Before = before;

            public List<KeyValuePair<string, KeyValuePair<CodeValue, int>?>> Before { get; }
        }

        /// <summary>
        /// <paramref name="names"/> ($_, $PSItem) hold <paramref name="item"/> here, in this reading, while a switch's
        /// clauses that run once where they are written are read: what they assign and set holds after them, as a
        /// branch's does, which a run of its own (<see cref="ForItem"/>) would not give back.
        /// </summary>
        public HeldItem HoldItem(string[] names, object item)
        {
            CodeValue value = ItemValue(item);
            var before = new List<KeyValuePair<string, KeyValuePair<CodeValue, int>?>>();
            foreach (string name in names)
            {
                before.Add(new KeyValuePair<string, KeyValuePair<CodeValue, int>?>(name, _constants.TryGetValue(name, out KeyValuePair<CodeValue, int> held) ? held : (KeyValuePair<CodeValue, int>?)null));
                _constants[name] = new KeyValuePair<CodeValue, int>(value, _blocks[_blocks.Count - 1]);
            }

            return new HeldItem(before);
        }

        /// <summary>What a variable holding a loop's or a switch's item reads: a table as the script may have changed it in place.</summary>
        private CodeValue ItemValue(object item) => new CodeValue(item is ScriptHashtable table ? AsChanged(table) : item, true, Microsoft.CodeAnalysis.Location.None);

        /// <summary>$_ and $PSItem hold again what they held before <see cref="HoldItem"/>.</summary>
        public void Release(HeldItem held)
        {
            foreach (KeyValuePair<string, KeyValuePair<CodeValue, int>?> b in held.Before)
            {
                if (b.Value is KeyValuePair<CodeValue, int> value) _constants[b.Key] = value;
                else _constants.Remove(b.Key);
            }
        }

        // For the reading of a loop's run or a function's call: tells the reading that made it of each key set in it.
        private Action<string, string>? _setInRun;

        /// <summary>
        /// A key of $<paramref name="name"/>'s table set in a loop's run or a function's call, read apart from this
        /// reading: from here it is unknown (a key set in order), or as unknown as the script's changes make it.
        /// </summary>
        private void SetInRun(string name, string key)
        {
            _setInRun?.Invoke(name, key);
            Dictionary<string, KeyValuePair<CodeValue, int>>? keys = null;
            if (_keysSet == null || !_keysSet.TryGetValue(name, out keys)) keys = null;
            if (SetInOrder(name, key))
            {
                _keysSet ??= new Dictionary<string, Dictionary<string, KeyValuePair<CodeValue, int>>>(StringComparer.OrdinalIgnoreCase);
                if (keys == null) _keysSet[name] = keys = new Dictionary<string, KeyValuePair<CodeValue, int>>(StringComparer.OrdinalIgnoreCase);
                keys[key] = new KeyValuePair<CodeValue, int>(CodeValue.Unknown(Microsoft.CodeAnalysis.Location.None), _blocks[_blocks.Count - 1]);
            }
            else
            {
                keys?.Remove(key);
            }
        }

        /// <summary>
        /// A run or a call reading apart from this one: it starts with the keys set so far (unless <paramref name="keys"/>
        /// is false), and tells this one of its own sets.
        /// </summary>
        private void Inherit(ScriptVariables run, bool keys = true)
        {
            run._setInRun = SetInRun;
            if (_keysSet == null || !keys) return;
            run._keysSet = new Dictionary<string, Dictionary<string, KeyValuePair<CodeValue, int>>>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, Dictionary<string, KeyValuePair<CodeValue, int>>> variable in _keysSet)
            {
                var copied = new Dictionary<string, KeyValuePair<CodeValue, int>>(StringComparer.OrdinalIgnoreCase);
                foreach (KeyValuePair<string, KeyValuePair<CodeValue, int>> k in variable.Value) copied[k.Key] = new KeyValuePair<CodeValue, int>(k.Value.Key, 0);
                run._keysSet[variable.Key] = copied;
            }
        }

        /// <summary>$name = value at the start of a statement, the value a literal: a constant if nothing else writes it.</summary>
        public void Assign(string name, CodeValue value)
        {
            // $script:Cpus = 4 is the script's (or a module's) own variable, as its writes count it.
            name = Unscoped(name, reading: false);
            _keysSet?.Remove(name); // a table assigned anew has none of the keys set on the one before
            ScriptVariables counted = _writesFrom ?? this;
            if (name.IndexOf(':') >= 0 || !counted.Writes().TryGetValue(name, out int writes) || counted._script.AnyMayChange) return;
            if (writes != 1 && !(counted._script.AssignedInOrder?.Contains(name) == true)) return;
            _constants[name] = new KeyValuePair<CodeValue, int>(value, _blocks[_blocks.Count - 1]);
        }

        /// <summary>
        /// A parameter of the script given <paramref name="value"/> by the code that runs it: a constant from the start
        /// when the value is known and the script never writes it. Its default in param( ) is no write, since a value given
        /// replaces it; any other assignment is.
        /// </summary>
        public void Bind(string name, CodeValue value)
        {
            if (name.IndexOf(':') >= 0 || Writes().ContainsKey(name) || _script.AnyMayChange) return;
            if (value.IsKnown) _constants[name] = new KeyValuePair<CodeValue, int>(value, 0);
            else if (value.Symbol != null) (_script.Symbols ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))[name] = value.Symbol;
        }

        /// <summary>
        /// The variables an earlier script of the same PowerShell object left (<see cref="Keep"/>): each a constant from
        /// the start where this script neither writes it nor declares a parameter of that name.
        /// </summary>
        public void Carry(Dictionary<string, CodeValue?> kept)
        {
            if (kept.Count == 0) return;
            List<string> declared = Parameters(out _);
            foreach (KeyValuePair<string, CodeValue?> k in kept)
            {
                if (k.Value != null && !declared.Contains(k.Key, StringComparer.OrdinalIgnoreCase)) Bind(k.Key, k.Value);
            }
        }

        /// <summary>
        /// What this script leaves the next script of the same PowerShell object, which runs in the same runspace scope
        /// (AddScript without useLocalScope): each variable it writes, with its value where it is a constant at the end of
        /// the script (assigned once, outside any block) and no earlier script wrote it, else null (it may hold anything).
        /// False when the script may write any variable (Set-Variable, Invoke-Expression).
        /// </summary>
        public bool Keep(Dictionary<string, CodeValue?> kept)
        {
            Dictionary<string, int> writes = Writes();
            if (_script.AnyMayChange) return false;
            List<string> declared = Parameters(out _);
            foreach (string name in writes.Keys)
            {
                if (name.IndexOf(':') >= 0) continue; // $env:Path = ... writes an environment variable, not a script variable
                kept[name] = !kept.ContainsKey(name) && !declared.Contains(name, StringComparer.OrdinalIgnoreCase)
                    && _constants.TryGetValue(name, out KeyValuePair<CodeValue, int> constant) && constant.Value == 0 ? constant.Key : null;
            }

            return true;
        }

        /// <summary>
        /// What an unknown $<paramref name="name"/> stands for (<see cref="CodeValue.Symbol"/>): the symbol the code gave
        /// the parameter, or the parameter itself when the script's param( ) block declares it and nothing in the script
        /// writes it; null for any other variable ($_ differs from one pipeline to the next).
        /// </summary>
        public string? SymbolOf(string name)
        {
            if (name.IndexOf(':') >= 0 || Writes().ContainsKey(name) || _script.AnyMayChange) return null;
            if (_script.Symbols != null && _script.Symbols.TryGetValue(name, out string? given)) return given;
            return Parameters(out _).Contains(name, StringComparer.OrdinalIgnoreCase) ? "$" + name : null;
        }

        /// <summary>The parameters the script's param( ) block declares, in order (<see cref="PowerShellScript.DeclaredParameters"/>), read once.</summary>
        public List<string> Parameters(out bool inOrder)
        {
            if (_script.Declared == null)
            {
                _script.Declared = PowerShellScript.DeclaredParameters(_script.Text, out bool ordered);
                _script.DeclaredInOrder = ordered;
            }

            inOrder = _script.DeclaredInOrder;
            return _script.Declared;
        }

        /// <summary>The constant a read of $<paramref name="name"/> has here ($using:name and $script:name too).</summary>
        public bool TryRead(string name, out CodeValue? value)
        {
            value = null;
            string key = Unscoped(name, reading: true);
            if (_script.InImportPath && string.Equals(key, "PSScriptRoot", StringComparison.OrdinalIgnoreCase))
            {
                value = new CodeValue(_script.ScriptRoot, true, Microsoft.CodeAnalysis.Location.None);
                return true;
            }

            if (key.IndexOf(':') >= 0 || !_constants.TryGetValue(key, out KeyValuePair<CodeValue, int> constant)) return false;
            value = constant.Key;

            // A table the script sets keys on in place has those keys unknown (AsChanged).
            if (value.Value is ScriptHashtable table)
            {
                ScriptHashtable changed = AsChanged(table, key);
                bool sets = _keysSet != null && _keysSet.TryGetValue(key, out Dictionary<string, KeyValuePair<CodeValue, int>>? set) && set.Count > 0;
                if (ReferenceEquals(changed, table) && !sets) return true;
                if (ReferenceEquals(changed, table))
                {
                    changed = new ScriptHashtable { IsHashtable = table.IsHashtable, Complete = table.Complete, AnyKeyChanged = table.AnyKeyChanged, ChangedKeys = table.ChangedKeys };
                    changed.AddRange(table);
                }

                // The keys set by the statements read so far hold what they were set to; one set to a value HvLint does
                // not know is unknown, there or not.
                if (sets)
                {
                    set = _keysSet![key];
                    changed.ChangedKeys = new HashSet<string>((changed.ChangedKeys ?? Enumerable.Empty<string>()).Where(k => !set.ContainsKey(k) || !set[k].Key.IsKnown), StringComparer.OrdinalIgnoreCase);
                    foreach (KeyValuePair<string, KeyValuePair<CodeValue, int>> k in set.Where(k => !k.Value.Key.IsKnown)) changed.ChangedKeys.Add(k.Key);
                    changed.RemoveAll(e => set.ContainsKey(e.Key));
                    foreach (KeyValuePair<string, KeyValuePair<CodeValue, int>> k in set.Where(k => k.Value.Key.Value != Removed)) changed.Add(new KeyValuePair<string, CodeValue>(k.Key, k.Value.Key));
                }

                value = new CodeValue(changed, true, value.Location) { Variable = value.Variable, Symbol = value.Symbol };
            }
            return true;
        }

        /// <summary>
        /// Text with variables in it ("$name-disk.vhdx", "${name}.vhdx", D:\VMs\$name.vhdx) with each replaced by its
        /// constant, as PowerShell expands it (a list joined by spaces); null when any is not a constant, or for a
        /// subexpression $( ), which is code. The text of a double-quoted string (<paramref name="quoted"/>) also has
        /// its escapes read: `n, `", `$, and "" for one quote.
        /// </summary>
        public string? Expand(string text, bool quoted)
        {
            if (text.IndexOf('$') < 0 && (!quoted || (text.IndexOf('`') < 0 && text.IndexOf('"') < 0))) return text;
            var result = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (quoted && c == '`' && i + 1 < text.Length)
                {
                    // An escape: `n, `t and the like are control characters, `$ a dollar sign that starts no variable,
                    // `" and `` the character itself (about_Special_Characters).
                    result.Append(Escaped(text[++i]));
                    continue;
                }

                if (quoted && c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    result.Append('"'); // "" is one quote inside "..."
                    i++;
                    continue;
                }

                if (c != '$' || i + 1 >= text.Length)
                {
                    result.Append(c);
                    continue;
                }

                string name;
                char next = text[i + 1];
                if (next == '{')
                {
                    int close = text.IndexOf('}', i + 2);
                    if (close < 0) return null;
                    name = text.Substring(i + 2, close - i - 2);
                    i = close;
                }
                else if (char.IsLetterOrDigit(next) || next == '_')
                {
                    int end = i + 1;
                    while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) end++;
                    // $env:COMPUTERNAME, $using:name: a scope or drive and a name.
                    if (end + 1 < text.Length && text[end] == ':' && (char.IsLetterOrDigit(text[end + 1]) || text[end + 1] == '_'))
                    {
                        end++;
                        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) end++;
                    }

                    name = text.Substring(i + 1, end - i - 1);
                    i = end - 1;
                }
                else if (next == '(')
                {
                    // $($vm.Name), $($i + 1): the value of an expression of values the script fixes; any other $(...) runs
                    // code.
                    int close = PowerShellScript.Closing(text, i + 1, '(', ')');
                    if (close > text.Length || text[close - 1] != ')' || !(PowerShellScript.Expression(text, i + 2, close - 1, this, out _) is object inner)) return null;
                    result.Append(PowerShellScript.ExpressionText(inner));
                    i = close - 1;
                    continue;
                }
                else
                {
                    result.Append(c); // a '$' that starts no variable ("$ 5") is itself
                    continue;
                }

                if (!TryRead(name, out CodeValue? value) || !(value!.Value is object known) || known is ScriptHashtable || known is List<ScriptHashtable>) return null;
                result.Append(known is IReadOnlyList<string> list ? string.Join(" ", list)
                    : known is bool b ? (b ? "True" : "False")
                    : Convert.ToString(known, CultureInfo.InvariantCulture));
            }

            return result.ToString();
        }

        private static char Escaped(char c)
        {
            switch (c)
            {
                case '0': return '\0';
                case 'a': return '\a';
                case 'b': return '\b';
                case 'e': return '\u001b';
                case 'f': return '\f';
                case 'n': return '\n';
                case 'r': return '\r';
                case 't': return '\t';
                case 'v': return '\v';
                default: return c;
            }
        }

        /// <summary>Reads the variable at <paramref name="i"/> (a '$') and counts a write of it; returns where it ends.</summary>
        private int ScanVariable(string s, int i, int parens, bool defaultOfOwnParameter = false)
        {
            int start = i + 1, end = start;
            if (end < s.Length && s[end] == '{')
            {
                int close = s.IndexOf('}', end + 1);
                if (close < 0) return s.Length;
                start = end + 1;
                end = close;
            }
            else
            {
                while (end < s.Length && (char.IsLetterOrDigit(s[end]) || s[end] == '_' || s[end] == ':')) end++;
            }

            string name = Unscoped(s.Substring(start, end - start), reading: false);
            int after = end < s.Length && s[end] == '}' ? end + 1 : end;
            if (name.Length == 0) return after;

            int j = after;
            while (j < s.Length && (s[j] == ' ' || s[j] == '\t')) j++;
            bool assigns = j < s.Length && ((s[j] == '=' && !(j + 1 < s.Length && s[j + 1] == '='))
                || (j + 1 < s.Length && s[j + 1] == '=' && "+-*/%".IndexOf(s[j]) >= 0));
            bool steps = after + 1 < s.Length && ((s[after] == '+' && s[after + 1] == '+') || (s[after] == '-' && s[after + 1] == '-'));

            // $settings.Add(...), $settings.Generation = 2, $settings['Name'] = 'x': a hashtable (or any object) changed in place.
            // One key set on a table ($params.VHDPath = $path, $params['Generation'] = 1, $params.Add('VHDPath', $path)):
            // the table keeps its other entries, that key unknown (AsChanged) or read in order (InOrder); any other change
            // in place makes the variable unknown.
            if (Mutates(s, after) && !MemberChanged(name, s, i, after)) Write(name, 2);
            int before = BlankBefore(s, i);
            bool stepped = EndsWith(s, before, "++") || EndsWith(s, before, "--");

            // Never a constant: a loop's variable, a reference another command writes through, and a write inside
            // parentheses: a default in a function's param( ) or in function f($x = 8), for ($i = 0; ...), if ($x = ...).
            // A default in the script's own param( ) is none of these: the code that runs the script replaces it.
            bool loop = before > 0 && s[before - 1] == '(' && EndsWithWord(s, BlankBefore(s, before - 1), "foreach");
            bool reference = EndsWith(s, before, "[ref]");
            if (assigns && defaultOfOwnParameter) return after;

            // $params += @{ VHDPath = $path }, a statement of its own: the keys it adds, as Add adds them, where $params
            // holds a table of its own (Writes decides, once every write is counted); any other += is a write.
            if (assigns && s[j] == '+' && parens == 0 && !loop && !reference && PowerShellScript.AddedTable(s, j + 2) != null)
            {
                int statement = ReferenceEquals(s, _script.Text) && AtStatementStart(s, i) ? i : -1;
                (_script.TableAdds ??= new List<(string, List<string>?, int)>()).Add((name, PowerShellScript.TableKeys(s, j + 2), statement));
                return after;
            }

            if (loop || reference || (assigns && parens > 0)) Write(name, 2);
            else if (assigns || steps || stepped) Write(name, 1);
            if (assigns && s[j] == '=' && parens == 0 && !loop && !reference && !steps && !stepped && ReferenceEquals(s, _script.Text) && AtStatementStart(s, i))
            {
                _script.Assignments ??= new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
                if (!_script.Assignments.TryGetValue(name, out List<int>? at)) _script.Assignments[name] = at = new List<int>();
                at.Add(i);
            }
            if (assigns && s[j] == '=' && (s.IndexOf("@{", j + 1, Math.Min(3, s.Length - j - 1), StringComparison.Ordinal) >= 0 || PowerShellScript.ClonedTable(s, j + 1, out _) != null
                || PowerShellScript.OrderedTable(s, PowerShellScript.NextToken(s, j + 1)) != null))
            {
                // $params = @{ ... }, $params = [ordered]@{ ... } or $params = $defaults.Clone(): a table of its own.
                (_script.TableNames ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(name);
                (_script.TableAt ??= new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase))[name] = ReferenceEquals(s, _script.Text) ? i : -1;
            }
            return after;
        }

        /// <summary>Reads the parameter at <paramref name="i"/> (a '-'); -OutVariable x and its kind write x.</summary>
        private int ScanParameter(string s, int i)
        {
            int start = i + 1, end = start;
            while (end < s.Length && char.IsLetter(s[end])) end++;
            string parameter = s.Substring(start, end - start);
            bool writes = VariableParameterAliases.Contains(parameter);
            foreach (string p in VariableParameters)
            {
                writes |= parameter.Length >= 3 && p.StartsWith(parameter, StringComparison.OrdinalIgnoreCase);
            }

            if (!writes) return end;
            int j = end;
            while (j < s.Length && (s[j] == ':' || s[j] == ' ' || s[j] == '\t' || s[j] == '+' || s[j] == '\'' || s[j] == '"')) j++;
            int nameStart = j;
            while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] == '_')) j++;
            if (j > nameStart) Write(s.Substring(nameStart, j - nameStart), 2);
            return j;
        }

        /// <summary>
        /// Whether a member or an element of the variable that ends at <paramref name="i"/> is called or assigned there,
        /// or a member of one ($vm.Disk.Size = 60GB, $vm.Cpu++).
        /// </summary>
        private static bool Mutates(string s, int i)
        {
            int j = i;
            while (j < s.Length && (s[j] == '.' || s[j] == '['))
            {
                int start = j;
                if (s[j] == '.')
                {
                    j++;
                    while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] == '_')) j++;
                    if (j == start + 1) return false;
                    if (j < s.Length && s[j] == '(')
                    {
                        // A method of the variable's value, or one that changes a member's ($vm.Disks.Add(...)): not
                        // $lab.VMs.Where({ ... }).
                        string method = s.Substring(start + 1, j - start - 1);
                        bool text = TextRemove(s, method, j);
                        return start == i ? !ReadOnlyMethods.Contains(method) && !text : MemberChangingMethods.Contains(method) && !text;
                    }
                }
                else
                {
                    j = s.IndexOf(']', j + 1);
                    if (j < 0) return false;
                    j++;
                }
            }

            return j != i && ChangesAt(s, j, out _);
        }

        /// <summary>
        /// Whether <paramref name="method"/>, called with the '(' at <paramref name="open"/>, is text's Remove(start, count):
        /// Remove with two arguments, which no table or list has ($name.Remove(0, 3) leaves $name as it was). Remove with one
        /// may be a table's or a list's.
        /// </summary>
        private static bool TextRemove(string s, string method, int open)
        {
            if (!string.Equals(method, "Remove", StringComparison.OrdinalIgnoreCase)) return false;
            int close = PowerShellScript.Closing(s, open, '(', ')');
            int commas = 0, depth = 0;
            for (int k = open + 1; k < close - 1;)
            {
                if (PowerShellScript.SkipStringOrComment(s, ref k)) continue;
                char c = s[k++];
                if (c == '(' || c == '[' || c == '{') depth++;
                else if (c == ')' || c == ']' || c == '}') depth--;
                else if (c == ',' && depth == 0) commas++;
            }

            return commas == 1;
        }

        /// <summary>
        /// Notes the member or key a change in place at <paramref name="i"/> (just past the variable) is of: $vm.Pxe = 1
        /// and $vm.Pxe.Mode = 1 change Pxe, $vm['Pxe'] = 1 and $vm.Add('Pxe', 1) too; a key written otherwise, or any
        /// other method, may change any member.
        /// </summary>
        /// <returns>Whether the change sets one key the script names, on the variable's table itself, and nothing else.</returns>
        /// <param name="start">The variable's '$'.</param>
        private bool MemberChanged(string variable, string s, int start, int i)
        {
            string? member = KeyAt(s, i, out int j);
            bool added = false;
            if (member != null && s[i] == '.' && j < s.Length && s[j] == '(')
            {
                // $vm.Add('Pxe', 1) and $vm.Remove('Pxe'): the key they name; Clear() and those with a key written
                // otherwise, any. No other method changes a table ($name.ToLower()).
                if (!MemberChangingMethods.Contains(member)) return false;
                bool add = string.Equals(member, "Add", StringComparison.OrdinalIgnoreCase);
                bool named = add || string.Equals(member, "Remove", StringComparison.OrdinalIgnoreCase);
                member = named ? QuotedKey(s, j + 1, out _) : null;

                // $params.Add('VHDPath', $path) and $params.Remove('BootDevice'), the whole statement, change that one key
                // (PowerShellScript.KeyAdded).
                added = named && member != null && PowerShellScript.EndsStatement(s, PowerShellScript.Closing(s, j, '(', ')'));
                j = -1; // any other method: the variable is changed, not only a key of it
            }

            // The key itself set (= or ++), not a member of its value ($vm.Disk.Size = 1, $config.Nodes[0].Cpu = 8).
            bool keySet = added || (member != null && j > i && j < s.Length && s[j] != '.' && s[j] != '[');

            // A statement of its own in the script's text, which PowerShellScript.KeySet reads where it runs.
            int statement = keySet && ReferenceEquals(s, _script.Text) && AtStatementStart(s, start) ? start : -1;
            (_script.Changes ??= new List<(string, string?, int)>()).Add((variable, member, statement));
            return keySet;
        }

        /// <summary>
        /// The key a member or an index at <paramref name="i"/> names, just past a variable: $vm.Pxe (a name) or
        /// $vm['Pxe'] (quoted, with no variable in it); null for anything else.
        /// </summary>
        /// <param name="after">Just past the name or the ']'.</param>
        internal static string? KeyAt(string s, int i, out int after)
        {
            after = -1;
            if (i >= s.Length) return null;
            if (s[i] == '.')
            {
                int j = i + 1;
                while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] == '_')) j++;
                if (j == i + 1) return null;
                after = j;
                return s.Substring(i + 1, j - i - 1);
            }

            if (s[i] != '[' || !(QuotedKey(s, i + 1, out int end) is string key)) return null;
            while (end < s.Length && (s[end] == ' ' || s[end] == '\t')) end++;
            if (end >= s.Length || s[end] != ']') return null;
            after = end + 1;
            return key;
        }

        /// <summary>
        /// Whether an assignment (=, +=, -=, *=, /=, %=) or a step (++, --) is at <paramref name="j"/>, past blanks;
        /// <paramref name="plain"/> for a plain '='.
        /// </summary>
        internal static bool ChangesAt(string s, int j, out bool plain)
        {
            while (j < s.Length && (s[j] == ' ' || s[j] == '\t')) j++;
            plain = j < s.Length && s[j] == '=' && !(j + 1 < s.Length && s[j + 1] == '=');
            return plain || (j + 1 < s.Length && ((s[j + 1] == '=' && "+-*/%".IndexOf(s[j]) >= 0) || (s[j] == '+' && s[j + 1] == '+') || (s[j] == '-' && s[j + 1] == '-')));
        }

        /// <summary>A key written in quotes at <paramref name="i"/> ('Pxe' or "Pxe", with no variable in it); null otherwise.</summary>
        /// <param name="after">Just past its closing quote.</param>
        internal static string? QuotedKey(string s, int i, out int after)
        {
            after = -1;
            while (i < s.Length && (s[i] == ' ' || s[i] == '\t')) i++;
            if (i >= s.Length || (s[i] != '\'' && s[i] != '"')) return null;
            int end = s.IndexOf(s[i], i + 1);
            if (end < 0) return null;
            string key = s.Substring(i + 1, end - i - 1);
            after = end + 1;
            return key.IndexOf('$') >= 0 || key.IndexOf('`') >= 0 || key.Length == 0 ? null : key;
        }

        private void Write(string name, int count) => _script.Counts![name] = (_script.Counts.TryGetValue(name, out int n) ? n : 0) + count;

        /// <summary>A name without the scope that names the script's own variable ($script:x, $using:x when read).</summary>
        private static string Unscoped(string name, bool reading)
        {
            foreach (string scope in reading ? new[] { "script:", "using:" } : new[] { "script:", "global:", "local:", "private:" })
            {
                if (name.StartsWith(scope, StringComparison.OrdinalIgnoreCase)) return name.Substring(scope.Length);
            }

            return name;
        }

        /// <summary>Where the text before <paramref name="i"/> ends, without the blanks right before it.</summary>
        private static int BlankBefore(string s, int i)
        {
            while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t')) i--;
            return i;
        }

        /// <summary>Whether the text ending at <paramref name="end"/> ends with <paramref name="tail"/> (in any case).</summary>
        private static bool EndsWith(string s, int end, string tail) =>
            end >= tail.Length && string.Compare(s, end - tail.Length, tail, 0, tail.Length, StringComparison.OrdinalIgnoreCase) == 0;

        /// <summary>Whether the text ending at <paramref name="end"/> ends with the whole word <paramref name="word"/>.</summary>
        private static bool EndsWithWord(string s, int end, string word) =>
            EndsWith(s, end, word) && (end == word.Length || !IsWordChar(s[end - word.Length - 1]));

        private static bool AtStatementStart(string s, int i)
        {
            int before = BlankBefore(s, i);
            return before == 0 || "\n\r;{}".IndexOf(s[before - 1]) >= 0;
        }

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-';
    }
}
