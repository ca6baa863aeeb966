using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace HvLint.Analyzers
{
    /// <summary>
    /// Tokenises the Hyper-V commands in PowerShell script text (AddScript, or a method configured as a sink):
    /// statements separated by newlines, ';', braces and &amp;&amp;, pipelines by '|', backtick line continuations, line and
    /// block comments, assignments ($vm = New-VM ...), named parameters (-Name value, -Name:value, switches), quoted
    /// and bare values, $true/$false, sizes such as 4GB, and arrays (@("CD","IDE") or "CD","IDE"). Variables the script
    /// fixes and expressions of them (<see cref="Expression"/>) are read; anything else is unknown, never guessed, and
    /// the model may know the VM a variable was assigned.
    /// </summary>
    internal static partial class PowerShellScript
    {
        /// <param name="at">The code location of a range of the script text.</param>
        /// <returns>The commands, each with the position in the script where its statement ends (<see cref="CommandCall.StatementEnd"/>).</returns>
        public static List<CommandCall> Parse(string script, Func<int, int, Location> at) => Parse(script, at, ScriptVariables.For(script));

        /// <summary>
        /// The commands of a script file, which reads or runs the files <paramref name="imported"/> gives, by their paths as
        /// the script writes them (Import-Csv .\vms.csv, . .\LabFunctions.ps1): relative to the script's folder, or absolute;
        /// for a script another runs, <paramref name="scriptRoot"/> is its folder from that script's (its $PSScriptRoot).
        /// </summary>
        /// <param name="listed">The scripts a listing names (<see cref="ListedPaths"/>), by its pattern as a path is given to <paramref name="imported"/>.</param>
        public static List<CommandCall> Parse(string script, Func<int, int, Location> at, Func<string, ImportedFile?> imported, string scriptRoot = ".", Func<string, IReadOnlyList<ImportedFile>>? listed = null)
        {
            ScriptVariables variables = ScriptVariables.For(script);
            variables.Imported = imported;
            variables.FolderRoot = scriptRoot;
            variables.Listed = listed;
            return Parse(script, at, variables);
        }

        /// <summary>
        /// The commands of <paramref name="script"/>, whose param( ) block is given <paramref name="parameters"/> by name
        /// and <paramref name="arguments"/> by position (AddScript(...).AddParameter("Name", "web01").AddArgument(8)):
        /// each parameter the block declares holds its value where the script does not write it. Arguments go to the
        /// parameters not given by name, in the order the block declares them, unless the block sets positions itself.
        /// </summary>
        public static List<CommandCall> Parse(string script, Func<int, int, Location> at, IReadOnlyList<KeyValuePair<string, CodeValue>> parameters, IReadOnlyList<CodeValue> arguments, ScriptVariables? variables = null)
        {
            variables ??= ScriptVariables.For(script);
            if (parameters.Count > 0 || arguments.Count > 0)
            {
                List<string> declared = variables.Parameters(out bool inOrder);
                var given = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (KeyValuePair<string, CodeValue> p in parameters)
                {
                    if (!declared.Contains(p.Key, StringComparer.OrdinalIgnoreCase) && !p.Key.StartsWith(HolePrefix, StringComparison.Ordinal)) continue;
                    variables.Bind(p.Key, p.Value);
                    given.Add(p.Key);
                }

                int next = 0;
                for (int k = 0; inOrder && k < arguments.Count; k++)
                {
                    while (next < declared.Count && given.Contains(declared[next])) next++;
                    if (next == declared.Count) break;
                    variables.Bind(declared[next++], arguments[k]);
                }
            }

            return Parse(script, at, variables);
        }

        /// <summary>
        /// The parameters the script's param( ) block declares, in order: the block comes first, after comments and
        /// attributes such as [CmdletBinding()]. Empty when there is none. <paramref name="inOrder"/> is false when an
        /// attribute may change the order arguments bind in (Position, ValueFromRemainingArguments).
        /// </summary>
        internal static List<string> DeclaredParameters(string s, out bool inOrder) => ParameterList(s, ScriptParamBlockOpen(s), out inOrder);

        /// <summary>The '(' of the script's own param( ) block, or -1.</summary>
        internal static int ScriptParamBlockOpen(string s) => ParamBlockOpen(s, 0);

        /// <summary>
        /// The parameters the list whose '(' is at <paramref name="i"/> declares, in order: a param( ) block's, or a
        /// function's (function New-Lab($Name, $Count)). Empty when <paramref name="i"/> is -1.
        /// </summary>
        /// <param name="defaults">When given, where each parameter's default starts (after its '='), or -1 for none.</param>
        /// <param name="switches">When given, whether each parameter is a [switch].</param>
        internal static List<string> ParameterList(string s, int i, out bool inOrder, List<int>? defaults = null, List<bool>? switches = null)
        {
            var names = new List<string>();
            inOrder = true;
            if (i < 0) return names;

            // A parameter is the first variable of each comma-separated part at the block's own depth: not one inside an
            // attribute ([ValidateScript({ $_ -gt 0 })]) or in a default after it ($Name = $env:COMPUTERNAME).
            int depth = 0;
            bool named = false;
            for (int j = i; j < s.Length; j++)
            {
                if (SkipStringOrComment(s, ref j))
                {
                    j--;
                    continue;
                }

                char c = s[j];
                if (c == '(' || c == '[' || c == '{') depth++;
                else if (c == ')' || c == ']' || c == '}')
                {
                    if (--depth == 0) break;
                }
                else if (c == ',' && depth == 1) named = false;
                else if (c == '$' && depth == 1 && !named)
                {
                    int start = j + 1, k = start;
                    while (k < s.Length && (char.IsLetterOrDigit(s[k]) || s[k] == '_')) k++;
                    if (k > start && (k >= s.Length || s[k] != ':'))
                    {
                        names.Add(s.Substring(start, k - start));
                        int d = Blanks(s, k);
                        defaults?.Add(d < s.Length && s[d] == '=' && (d + 1 >= s.Length || s[d + 1] != '=') ? Blanks(s, d + 1) : -1);
                        int before = j;
                        while (before > 0 && char.IsWhiteSpace(s[before - 1])) before--;
                        switches?.Add(before >= 8 && string.Compare(s, before - 8, "[switch]", 0, 8, StringComparison.OrdinalIgnoreCase) == 0);
                    }

                    named = true;
                    j = k - 1;
                }
                else if (depth > 1 && (string.Compare(s, j, "Position", 0, 8, StringComparison.OrdinalIgnoreCase) == 0 || string.Compare(s, j, "ValueFromRemainingArguments", 0, 27, StringComparison.OrdinalIgnoreCase) == 0))
                {
                    inOrder = false;
                }
            }

            return names;
        }

        /// <summary>
        /// The '(' of a param( ) block at <paramref name="i"/>, past blank lines, comments and attributes such as
        /// [CmdletBinding()]; -1 when no block starts there (anything else comes first).
        /// </summary>
        private static int ParamBlockOpen(string s, int i)
        {
            while (i < s.Length)
            {
                if (char.IsWhiteSpace(s[i])) i++;
                else if (s[i] == '[') i = Closing(s, i, '[', ']');
                else if (s[i] == '"' || s[i] == '\'' || !SkipStringOrComment(s, ref i)) break; // a comment is skipped; anything else ends the search
            }

            if (string.Compare(s, i, "param", 0, 5, StringComparison.OrdinalIgnoreCase) != 0) return -1;
            i += 5;
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            return i < s.Length && s[i] == '(' ? i : -1;
        }

        /// <summary>Where the bracket opened at <paramref name="i"/> closes (after it), past strings and comments; the end when it never does.</summary>
        internal static int Closing(string s, int i, char open, char close)
        {
            int depth = 0;
            while (i < s.Length)
            {
                if (SkipStringOrComment(s, ref i)) continue;
                char c = s[i++];
                if (c == open) depth++;
                else if (c == close && --depth == 0) return i;
            }

            return s.Length;
        }

        private static List<CommandCall> Parse(string script, Func<int, int, Location> at, ScriptVariables variables)
        {
            // The whole script's positions, for the bodies of its functions, read where they are called.
            if (ReferenceEquals(script, variables.Text)) variables.At = at;
            var commands = new List<CommandCall>();
            int i = 0;
            bool piped = false;
            while (i < script.Length)
            {
                // Start of a command: skip blanks, separators and comments.
                // Braces are read as statement boundaries: the commands inside a script block (if, foreach, a function,
                // Invoke-Command -ScriptBlock) are read as the script's own, as a C# method's branches are.
                while (i < script.Length)
                {
                    if (script[i] == '{') variables.Open();
                    else if (script[i] == '}') variables.Close();
                    if (char.IsWhiteSpace(script[i]) || script[i] == ';' || script[i] == '{' || script[i] == '}') i++;
                    else if (!SkipBlockComment(script, ref i)) break;
                }

                if (i >= script.Length) break;

                // param($Name, $Count), after its attributes: no command, and what follows it on the line is a statement.
                if ((script[i] == 'p' || script[i] == 'P' || script[i] == '[') && ParamBlockOpen(script, i) is int open && open >= 0)
                {
                    i = Closing(script, open, '(', ')');
                    piped = false;
                    continue;
                }

                // A function the script calls runs where it is called, not where it is defined; so does every function of a
                // script it dot-sources.
                if ((script[i] == 'f' || script[i] == 'F')
                    && ((ReferenceEquals(script, variables.Text) ? variables.CalledFunctionAt(i) : variables.SourcedFunctionAt(script, i)) is ScriptFunction defined))
                {
                    i = defined.BodyClose + 1;
                    piped = false;
                    continue;
                }

                // . "$PSScriptRoot\LabFunctions.ps1": the other script's statements run here, in this script's scope.
                // A script it dot-sources dot-sources others beside it in turn; a cycle is read once around.
                if (script[i] == '.' && variables.SourcedAt(script, i) is ImportedFile sourced && variables.EnterSourced(sourced))
                {
                    // Its $PSScriptRoot is its own folder.
                    string root = variables.ScriptRoot;
                    variables.ScriptRoot = variables.RootOf(sourced) ?? root;
                    try
                    {
                        commands.AddRange(Parse(sourced.Text, sourced.At, variables));
                    }
                    finally
                    {
                        variables.ScriptRoot = root;
                        variables.ExitSourced();
                    }
                }

                // if ($legacy) { ... } else { ... } with a condition the script fixes: the branch that runs.
                if ((script[i] == 'i' || script[i] == 'I') && Branches(script, i, at, variables, commands) is int afterIf)
                {
                    i = afterIf;
                    piped = false;
                    continue;
                }

                // switch ($vm.Role) { 'pxe' { ... } default { ... } } with a value the script fixes: the clauses that run.
                if ((script[i] == 's' || script[i] == 'S') && Switch(script, i, at, variables, commands) is int afterSwitch)
                {
                    i = afterSwitch;
                    piped = false;
                    continue;
                }

                // foreach ($name in 'web01', 'web02') { ... } and 'web01', 'web02' | ForEach-Object { ... }: the block once
                // for each item the code lists, with the variable holding it.
                char first = script[i];
                if ((first == 'f' || first == 'F' || first == '$' || first == '@' || first == '\'' || first == '"' || char.IsDigit(first) || first == '(' || StartsFileRead(script, i))
                    && EachItem(script, i, at, variables, commands) is int afterLoop)
                {
                    i = afterLoop;
                    piped = false;
                    continue;
                }

                // $vm = New-VM ...: the command after the assignment, which binds what it returns to the variable.
                // [int]$cpus = 8: a type constraint before the variable is no command.
                if (script[i] == '[' && script.IndexOf(']', i) is int typeEnd && typeEnd > i && typeEnd + 1 < script.Length && script[typeEnd + 1] == '$'
                    && script.IndexOfAny(new[] { '\n', ';', '{', '}' }, i, typeEnd - i) < 0) i = typeEnd + 1;
                // $params.Name = 'web01': the key holds that value from here.
                if (script[i] == '$' && KeySet(script, i, at, variables) is int afterKeySet)
                {
                    i = afterKeySet;
                    piped = false;
                    continue;
                }

                string? assigned = Assignment(script, ref i);
                if (assigned != null) variables.Reassign(assigned);
                if (i >= script.Length) break;

                // $params += @{ VHDPath = $path }: the keys added to the table the variable holds.
                if (assigned != null && AddsTo(script, i) && AddedTable(script, i) is int afterAdded)
                {
                    // A table that cannot be read adds keys the count made unknown already.
                    int tableStart = i;
                    if (ReadHashtable(script, ref tableStart, at, variables).Value is ScriptHashtable added) variables.AddKeys(assigned, added);
                    i = afterAdded;
                    piped = false;
                    continue;
                }

                // $params = $defaults.Clone(): a copy of the table the variable holds.
                if (assigned != null && ClonedTable(script, i, out int afterClone) is string original)
                {
                    if (variables.TryRead(original, out CodeValue? held) && held!.Value is ScriptHashtable table)
                    {
                        var copy = new ScriptHashtable { Complete = table.Complete, IsHashtable = table.IsHashtable, AnyKeyChanged = table.AnyKeyChanged, ChangedKeys = table.ChangedKeys };
                        copy.AddRange(table);
                        variables.Assign(assigned, new CodeValue(copy, true, at(i, afterClone - i)));
                    }

                    i = afterClone;
                    piped = false;
                    continue;
                }

                // $gen = if (...) { 1 } else { 2 }: the value of the branch that runs.
                if (assigned != null && (script[i] == 'i' || script[i] == 'I') && AssignedBranch(script, i, at, variables, commands, out CodeValue? chosen) is int afterValue)
                {
                    if (chosen != null && chosen.IsKnown) variables.Assign(assigned, chosen);
                    i = afterValue;
                    piped = false;
                    continue;
                }

                // $name = $prefix + '-' + $role, $name = 'WEB{0:D2}' -f $i, $bytes = 4 * 1GB: the value of an expression the
                // script fixes, the whole statement (nothing in it runs a command).
                if (assigned != null && StatementEnd(script, i) is int expressionEnd && Expression(script, i, expressionEnd, variables, out bool combined, at) is object computed && combined)
                {
                    variables.Assign(assigned, new CodeValue(computed, true, at(i, expressionEnd - i)));
                    i = expressionEnd;
                    piped = false;
                    continue;
                }

                // $name = $vm.Name, $cpus = $_.Cpu, $count = $cpus: the text, number or truth a variable or a member holds
                // here, as a literal's is. Not a table (nor a list), which the two variables would then share, so that a
                // key set through one is set for the other. The statement is still read below, where $copy = $vm binds the
                // VM that $vm holds.
                if (assigned != null && script[i] == '$' && !StartsLiteral(script, i) && SingleValue(script, i, script.Length, at, variables, out int afterHeld) is CodeValue copied
                    && copied.IsKnown && (copied.Value is string || copied.Value is long || copied.Value is bool) && EndsStatement(script, afterHeld))
                {
                    variables.Assign(assigned, copied);
                }

                // $web = Import-Csv .\vms.csv | Where-Object { $_.Role -eq 'web' }: the rows the filter keeps. The pipeline's
                // commands are read below as any others.
                CodeValue? kept = assigned != null && (script[i] == '$' || StartsFileRead(script, i)) ? FilteredItems(script, i, at, variables) : null;
                if (script[i] == '#')
                {
                    while (i < script.Length && script[i] != '\n') i++;
                    continue;
                }

                int nameStart = i;
                // $cpus = 8, $name = 'web01': a literal value rather than a command (read as a command HvLint does not know,
                // which passes no VM on), which the variable holds from here if nothing else in the script writes it.
                // A here-string is a value too, assigned or not (@" ... "@ | Set-Content): its text holds no commands.
                CodeValue? literal = (assigned != null && StartsLiteral(script, i)) || (script[i] == '@' && HereString(script, i, out _, out _) >= 0) ? ReadValue(script, ref i, at, variables) : null;

                // $spec = [ordered]@{ ... }: an OrderedDictionary, which splats as a hashtable does but has no ContainsKey.
                if (literal == null && assigned != null && script[i] == '[' && OrderedTable(script, i) is int tableAt)
                {
                    i = tableAt;
                    literal = ReadHashtable(script, ref i, at, variables);
                    if (literal.Value is ScriptHashtable ordered) ordered.IsHashtable = false;
                }

                while (literal == null && i < script.Length && !char.IsWhiteSpace(script[i]) && script[i] != ';' && script[i] != '|' && script[i] != '{' && script[i] != '}') i++;
                string name = script.Substring(nameStart, i - nameStart);
                var call = new CommandCall(name, at(nameStart, i - nameStart)) { Piped = piped, AssignedTo = assigned };
                piped = false;
                bool importing = literal == null && variables.Imported != null && IsImportCsv(call.Name), inImportPath = variables.InImportPath;
                bool data = literal == null && variables.Imported != null && IsImportDataFile(call.Name);
                bool content = literal == null && variables.Imported != null && IsGetContent(call.Name);
                bool reading = importing || data || content;
                variables.InImportPath = reading || inImportPath; // (Join-Path $PSScriptRoot 'vms.csv') is read inside Import-Csv's

                // Arguments until the end of the statement.
                int end;
                while (true)
                {
                    while (i < script.Length)
                    {
                        if (script[i] == ' ' || script[i] == '\t') i++;
                        else if (script[i] == '`' && i + 1 < script.Length && (script[i + 1] == '\n' || script[i + 1] == '\r'))
                        {
                            i++;
                            while (i < script.Length && (script[i] == '\r' || script[i] == '\n')) i++;
                        }
                        else if (!SkipBlockComment(script, ref i))
                        {
                            break;
                        }
                    }

                    // A comment runs to the end of the line and ends the statement ("# PXE first; then the disk" is not two).
                    // The statement ends at its last character, before the blanks that may follow it.
                    end = i;
                    while (end > nameStart && (script[end - 1] == ' ' || script[end - 1] == '\t')) end--;
                    if (i < script.Length && script[i] == '#') while (i < script.Length && script[i] != '\n' && script[i] != '\r') i++;
                    if (i >= script.Length || script[i] == '\n' || script[i] == '\r' || script[i] == ';' || script[i] == '{' || script[i] == '}') break;
                    if (i + 1 < script.Length && ((script[i] == '&' && script[i + 1] == '&') || (script[i] == '|' && script[i + 1] == '|')))
                    {
                        // A pipeline chain (PowerShell 7: a && b, a || b): the next command is a statement of its own.
                        i += 2;
                        break;
                    }

                    if (script[i] == '|')
                    {
                        i++;
                        piped = true;
                        break;
                    }

                    if (script[i] == '-' && i + 1 < script.Length && char.IsLetter(script[i + 1]))
                    {
                        int ps = i + 1;
                        while (i < script.Length && !char.IsWhiteSpace(script[i]) && script[i] != ':' && script[i] != ';' && script[i] != '|') i++;
                        string parameter = script.Substring(ps, i - ps);
                        CodeValue value;
                        if (i < script.Length && script[i] == ':')
                        {
                            i++;
                            value = ReadValue(script, ref i, at, variables);
                        }
                        else
                        {
                            int save = i;
                            while (save < script.Length && (script[save] == ' ' || script[save] == '\t')) save++;
                            bool next = save < script.Length && script[save] != '\n' && script[save] != '\r' && script[save] != ';' && script[save] != '|'
                                && !(script[save] == '-' && save + 1 < script.Length && char.IsLetter(script[save + 1]));
                            if (next)
                            {
                                i = save;
                                value = ReadValue(script, ref i, at, variables);
                            }
                            else
                            {
                                value = new CodeValue(true, true, at(ps - 1, parameter.Length + 1)); // a switch
                            }
                        }

                        call.Named.Add(new KeyValuePair<string, CodeValue>(parameter, value));
                    }
                    else if (script[i] == '@' && i + 1 < script.Length && (char.IsLetter(script[i + 1]) || script[i + 1] == '_'))
                    {
                        // Splatting (New-VM @settings): the parameters of a hashtable, or the arguments of an array, that the
                        // script assigned as a literal; any other splat may hold any parameter.
                        int splat = ++i;
                        while (i < script.Length && IsNameChar(script[i])) i++;
                        CodeValue? held = variables.TryRead(script.Substring(splat, i - splat), out CodeValue? v) ? v : null;
                        if (held?.Value is ScriptHashtable table)
                        {
                            call.Named.AddRange(table);
                            call.Splatted |= table.AnyKeyChanged;
                        }
                        else if (held?.Value is IReadOnlyList<string> items) foreach (string item in items) call.Positional.Add(new CodeValue(item, true, held.Location));
                        else call.Splatted = true;
                    }
                    else
                    {
                        call.Positional.Add(ReadValue(script, ref i, at, variables));
                    }
                }

                // Only a value alone is a literal assignment: $size = 4GB * 2 or $name = 'web' + $i is an expression.
                if (assigned != null && literal != null && literal.IsKnown && !piped && call.Named.Count == 0 && call.Positional.Count == 0 && !call.Splatted) variables.Assign(assigned, literal);

                // $vms = Import-Csv .\vms.csv: the file's rows, which a loop goes through as it does a list of tables.
                variables.InImportPath = inImportPath;
                if (importing && assigned != null && !piped && !call.Piped && ImportCsv(call, variables) is CodeValue rows) variables.Assign(assigned, rows);

                // $names = Get-Content .\vms.txt: the file's lines.
                if (content && assigned != null && !piped && !call.Piped && ContentLines(call, variables) is CodeValue lines) variables.Assign(assigned, lines);

                // $vhd = Join-Path $root "$name.vhd": the path it joins, where nothing is piped to it or from it.
                if (assigned != null && !piped && !call.Piped && Joined(call) is string joined)
                {
                    variables.Assign(assigned, new CodeValue(joined, true, call.Location));
                }

                // $lab = Import-PowerShellDataFile .\lab.psd1: the table the data file writes.
                if (data && assigned != null && !piped && !call.Piped && DataFile(call, variables) is CodeValue written) variables.Assign(assigned, written);
                if (kept != null) variables.Assign(assigned!, kept);

                // $lab = Get-Content .\lab.json -Raw | ConvertFrom-Json, or ConvertFrom-Json (Get-Content .\lab.json -Raw): the
                // file's settings, as ConvertFrom-Json makes them.
                if (!piped && IsConvertFromJson(call.Name) && SettingsFile(call, commands, assigned, variables) is (string target, CodeValue settings)) variables.Assign(target, settings);

                // A call of a function the script defines runs its body, with the call's values in its parameters. Not
                // in a pipeline, whose next command would take what the body's last command passes on.
                if (!call.Piped && !piped && variables.Function(name) is ScriptFunction function && variables.Enter(function))
                {
                    commands.AddRange(Call(function, call, end, variables));
                    variables.Leave(function);
                    continue;
                }

                // A pipeline is one statement: the commands before a '|' end where the last one does.
                call.StatementEnd = end;
                for (int k = commands.Count - 1; call.Piped && k >= 0; k--)
                {
                    commands[k].StatementEnd = end;
                    if (!commands[k].Piped) break; // the pipeline's first command
                }

                commands.Add(call);
            }

            return commands;
        }

        /// <summary>
        /// An assignment at the start of a statement ($vm = ..., $vm += ...): moves past the '=' and returns the variable's
        /// name without the '$'; otherwise leaves <paramref name="i"/> where it is and returns null.
        /// </summary>
        private static string? Assignment(string s, ref int i)
        {
            if (s[i] != '$') return null;
            int j = i + 1;
            while (j < s.Length && IsNameChar(s[j])) j++;
            if (j == i + 1) return null;
            string variable = s.Substring(i + 1, j - i - 1);
            while (j < s.Length && (s[j] == ' ' || s[j] == '\t')) j++;
            if (j < s.Length && s[j] == '=' && !(j + 1 < s.Length && s[j + 1] == '=')) j++;
            else if (j + 1 < s.Length && s[j + 1] == '=' && "+-*/".IndexOf(s[j]) >= 0) j += 2;
            else return null;
            while (j < s.Length && (s[j] == ' ' || s[j] == '\t')) j++;
            i = j;
            return variable;
        }

        /// <summary>
        /// An if statement at <paramref name="i"/> whose conditions the script fixes ($legacy, -not $legacy,
        /// $vm.Generation -eq 2 -and $vm.Pxe, with $legacy a constant or a switch a call leaves off; see
        /// <see cref="ScriptCondition"/>): only the branch that runs is read, and
        /// returns where the statement ends. Null when a condition before the branch that runs is anything else: then
        /// every branch is read, as a C# method's branches are.
        /// </summary>
        private static int? Branches(string s, int i, Func<int, int, Location> at, ScriptVariables variables, List<CommandCall> commands)
        {
            if (!StatementKeyword(s, i, "if")) return null;
            if (!variables.EnterBlock()) return null;
            try
            {
                return Branch(s, i + 2, at, variables, commands);
            }
            finally
            {
                variables.LeaveBlock();
            }
        }

        private static int? Branch(string s, int j, Func<int, int, Location> at, ScriptVariables variables, List<CommandCall> commands)
        {
            if (!(TakenBranch(s, j, variables, out (int Open, int Close)? runs) is int end)) return null;
            if (runs is (int blockOpen, int blockClose)) ReadBlock(s, blockOpen, blockClose, at, variables, commands, ran: true);
            return end;
        }

        /// <summary>
        /// The variable whose table $defaults.Clone() at <paramref name="i"/> (past blanks) copies, when that is the whole
        /// statement; null otherwise.
        /// </summary>
        /// <param name="end">Just past the statement's ')'.</param>
        internal static string? ClonedTable(string s, int i, out int end)
        {
            end = -1;
            i = Blanks(s, i);
            int dot = i;
            while (dot < s.Length && s[dot] != '.' && !char.IsWhiteSpace(s[dot])) dot++;
            if (dot >= s.Length || s[dot] != '.' || VariableName(s, i, dot) is not string name) return null;
            if (string.Compare(s, dot + 1, "Clone()", 0, 7, StringComparison.OrdinalIgnoreCase) != 0) return null;
            if (!EndsStatement(s, dot + 8)) return null;
            end = dot + 8;
            return name;
        }

        /// <summary>
        /// Where the statement from <paramref name="i"/> ends (a line's or the text's end, ';', a '}' that closes no brace of
        /// its own, or a comment), past strings, parentheses and tables written @{ }; null where a '|' or a '{' is met
        /// first (a pipeline, a script block), which no expression has.
        /// </summary>
        internal static int? StatementEnd(string s, int i)
        {
            while (i < s.Length)
            {
                if (s[i] == '#' && (i == 0 || char.IsWhiteSpace(s[i - 1]))) break;
                if (SkipStringOrComment(s, ref i)) continue;
                char c = s[i];
                if (c == '(')
                {
                    i = Closing(s, i, '(', ')');
                    continue;
                }

                if (c == '@' && i + 1 < s.Length && s[i + 1] == '{')
                {
                    // A table written @{ } is part of the statement ($p = $defaults + @{ Name = 'web01' }).
                    int close = ClosingBrace(s, i + 1);
                    if (close < 0) return null;
                    i = close + 1;
                    continue;
                }

                if (c == '\n' || c == '\r' || c == ';' || c == '}') break;
                if (c == '|' || c == '{') return null;
                i++;
            }

            while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t')) i--;
            return i;
        }

        /// <summary>Whether the statement ends at <paramref name="i"/>, past blanks: a line's or the text's end, ';', '}' or a comment.</summary>
        internal static bool EndsStatement(string s, int i)
        {
            i = Blanks(s, i);
            return i >= s.Length || s[i] == ';' || s[i] == '\n' || s[i] == '\r' || s[i] == '}' || s[i] == '#';
        }

        /// <summary>
        /// $gen = if ($vm.Generation) { $vm.Generation } else { 2 } at <paramref name="i"/> (the if), with conditions the
        /// script fixes: the branch that runs is read, and <paramref name="value"/> is what it gives when it is one value
        /// (a literal, a variable or a member), else null. Null where the conditions are not fixed.
        /// </summary>
        private static int? AssignedBranch(string s, int i, Func<int, int, Location> at, ScriptVariables variables, List<CommandCall> commands, out CodeValue? value)
        {
            value = null;
            if (!StatementKeyword(s, i, "if") || !variables.EnterBlock()) return null;
            try
            {
                if (!(TakenBranch(s, i + 2, variables, out (int Open, int Close)? runs) is int end)) return null;
                if (!(runs is (int open, int close))) return end; // no branch runs: $null
                int start = NextToken(s, open + 1);
                value = SingleValue(s, start, close, at, variables, out int after);
                if (NextToken(s, after) != close) value = null; // more than one value, or a command
                int last = close;
                while (last > start && char.IsWhiteSpace(s[last - 1])) last--;
                if (value == null && Expression(s, start, last, variables, out _) is object computed) value = new CodeValue(computed, true, at(start, last - start)); // [int]$vm.Cpu
                ReadBlock(s, open, close, at, variables, commands, ran: true);
                return end;
            }
            finally
            {
                variables.LeaveBlock();
            }
        }

        /// <summary>
        /// One value at <paramref name="start"/>, before <paramref name="limit"/>: a literal, a variable or a member
        /// ($vm.Generation), known or not; null for anything else (a command, an expression), with <paramref name="after"/>
        /// just past what was read.
        /// </summary>
        private static CodeValue? SingleValue(string s, int start, int limit, Func<int, int, Location> at, ScriptVariables variables, out int after)
        {
            after = start;
            if (start < limit && StartsLiteral(s, start)) return ReadValue(s, ref after, at, variables);
            if (start >= limit || s[start] != '$') return null;
            after = start + 1;
            while (after < limit && (IsNameChar(s[after]) || s[after] == '.')) after++;
            return VariableName(s, start, after) is string name ? (variables.TryRead(name, out CodeValue? held) ? held : null) : Member(s, start, after, variables);
        }

        /// <summary>
        /// $params.Name = 'web01' or $params['Generation'] = 1 at <paramref name="i"/>: the key holds that value from here
        /// (<see cref="ScriptVariables.SetKey"/>), and returns where the statement ends. Any other change of a key by name
        /// ($params.Name = Get-Name, $params.Cpu++) forgets what it held, and returns null: the statement is read as before.
        /// </summary>
        private static int? KeySet(string s, int i, Func<int, int, Location> at, ScriptVariables variables)
        {
            int j = i + 1;
            while (j < s.Length && IsNameChar(s[j])) j++;
            int member = j;
            if (VariableName(s, i, j) is not string name || !(ScriptVariables.KeyAt(s, j, out j) is string key)) return null;
            if (s[member] == '.' && j < s.Length && s[j] == '(') return KeyAdded(s, j, name, key, at, variables);
            if (!ScriptVariables.ChangesAt(s, j, out bool assigns)) return null;
            int op = Blanks(s, j);
            CodeValue? value = null;
            int after = op;
            if (assigns)
            {
                int start = Blanks(s, op + 1);
                value = SingleValue(s, start, s.Length, at, variables, out after);
                if (!EndsStatement(s, after)) value = null;
            }

            variables.SetKey(name, key, value);
            return value != null ? after : (int?)null;
        }

        /// <summary>
        /// A table written after += at <paramref name="i"/> (past blanks) that ends the statement ($params += @{ VHDPath =
        /// $path }): returns just past its '}'; null for anything else.
        /// </summary>
        internal static int? AddedTable(string s, int i)
        {
            i = Blanks(s, i);
            if (i + 1 >= s.Length || s[i] != '@' || s[i + 1] != '{') return null;
            int close = ClosingBrace(s, i + 1);
            return close >= 0 && EndsStatement(s, close + 1) ? close + 1 : (int?)null;
        }

        /// <summary>The keys the table written at <paramref name="i"/> (past blanks, @{ ... }) writes, as they are counted; null when they cannot be read.</summary>
        internal static List<string>? TableKeys(string s, int i)
        {
            i = Blanks(s, i);
            CodeValue table = ReadHashtable(s, ref i, (o, length) => Location.None, ScriptVariables.For(string.Empty));
            return table.Value is ScriptHashtable entries ? entries.Select(e => e.Key).ToList() : null;
        }

        /// <summary>Whether the assignment whose value starts at <paramref name="i"/> is +=.</summary>
        private static bool AddsTo(string s, int i)
        {
            int k = i - 1;
            while (k >= 0 && (s[k] == ' ' || s[k] == '\t')) k--;
            return k >= 1 && s[k] == '=' && s[k - 1] == '+';
        }

        /// <summary>
        /// $params.Add('VHDPath', $path) at <paramref name="open"/> (its '('), as a statement of its own: the key is set as
        /// $params.VHDPath = $path sets it, unless the table has it already, where Add fails and leaves it as it was.
        /// $params.Remove('BootDevice') so: the table lacks the key from here. Returns where the statement ends; null (the
        /// statement read as before) for any other method or shape.
        /// </summary>
        private static int? KeyAdded(string s, int open, string name, string method, Func<int, int, Location> at, ScriptVariables variables)
        {
            bool remove = string.Equals(method, "Remove", StringComparison.OrdinalIgnoreCase);
            if (!remove && !string.Equals(method, "Add", StringComparison.OrdinalIgnoreCase)) return null;
            int close = Closing(s, open, '(', ')');
            if (!EndsStatement(s, close) || !(ScriptVariables.QuotedKey(s, open + 1, out int afterKey) is string key)) return null;
            if (remove)
            {
                if (NextToken(s, afterKey) != close - 1) return null; // Remove takes the key alone
                variables.RemoveKey(name, key);
                return close;
            }

            int comma = Blanks(s, afterKey);
            CodeValue? value = null;
            int after = comma;
            if (comma < s.Length && s[comma] == ',')
            {
                // The argument alone: a value read on in the whole text would run past the ')' (2) is a word to the reader).
                int from = comma + 1;
                string argument = s.Substring(from, close - 1 - from);
                value = SingleValue(argument, NextToken(argument, 0), argument.Length, (o, length) => at(from + o, length), variables, out after);
                if (NextToken(argument, after) != argument.Length) value = null;
            }

            bool failed = !variables.AddKeys(name, new ScriptHashtable { new KeyValuePair<string, CodeValue>(key, value ?? CodeValue.Unknown(Location.None)) });
            return failed || value != null ? close : (int?)null;
        }

        /// <summary>
        /// The block of an if/elseif/else chain (conditions from <paramref name="j"/>, past the if) that runs, in
        /// <paramref name="runs"/>, null when none does; returns the end of the chain, or null when a condition is not
        /// fixed.
        /// </summary>
        private static int? TakenBranch(string s, int j, ScriptVariables variables, out (int Open, int Close)? runs)
        {
            runs = null;
            bool decided = false;
            while (true)
            {
                // A condition, then its block.
                j = Blanks(s, j);
                if (j >= s.Length || s[j] != '(') return null;
                int conditionEnd = Closing(s, j, '(', ')');
                bool? condition = decided ? false : Condition(s.Substring(j + 1, Math.Max(0, conditionEnd - j - 2)), variables);
                if (condition == null) return null;
                int open = NextToken(s, conditionEnd);
                int close = open < s.Length && s[open] == '{' ? ClosingBrace(s, open) : -1;
                if (close < 0) return null;
                if (condition == true)
                {
                    runs = (open, close);
                    decided = true;
                }

                j = close + 1;
                int next = NextToken(s, j);
                if (StatementKeyword(s, next, "elseif"))
                {
                    j = next + 6;
                    continue;
                }

                if (string.Compare(s, next, "else", 0, 4, StringComparison.OrdinalIgnoreCase) == 0 && next + 4 < s.Length && (char.IsWhiteSpace(s[next + 4]) || s[next + 4] == '{'))
                {
                    int elseOpen = NextToken(s, next + 4);
                    int elseClose = elseOpen < s.Length && s[elseOpen] == '{' ? ClosingBrace(s, elseOpen) : -1;
                    if (elseClose < 0) return null;
                    if (!decided) runs = (elseOpen, elseClose);
                    j = elseClose + 1;
                }

                break;
            }

            return j;
        }

        /// <summary>
        /// A switch statement at <paramref name="i"/> whose value the script fixes (switch ($vm.Role) { 'pxe' { ... }
        /// default { ... } }, also with -Wildcard, -Regex, -Exact and -CaseSensitive): the clauses whose labels match it
        /// are read, in order, else its default clause, and returns where the statement ends. Null, so that every clause
        /// is read, when the value or a label's match is unknown (<see cref="ScriptCondition.SwitchMatches"/>), for -File
        /// and any other option, and when a clause that runs before another says break or continue.
        /// </summary>
        private static int? Switch(string s, int i, Func<int, int, Location> at, ScriptVariables variables, List<CommandCall> commands)
        {
            if (!StatementKeyword(s, i, "switch")) return null;
            if (!variables.EnterBlock()) return null;
            try
            {
                int? end = Clauses(s, Blanks(s, i + 6), at, variables, commands, out int open);

                // Not decided, its clauses are read where they are, once, for a value that may be a list: a key set in
                // order in them may hold what an earlier run of a clause set, so it is unknown from here.
                if (end == null && open >= 0)
                {
                    int close = ClosingBrace(s, open);
                    variables.Unsettle(s, open, close >= 0 ? close : s.Length);
                }

                return end;
            }
            finally
            {
                variables.LeaveBlock();
            }
        }

        /// <param name="open">The '{' of the switch's body (<see cref="SwitchBodyAfter"/>), -1 when it has none.</param>
        private static int? Clauses(string s, int j, Func<int, int, Location> at, ScriptVariables variables, List<CommandCall> commands, out int open)
        {
            open = -1;
            j = SwitchValue(s, j, out ScriptCondition.SwitchMode mode, out bool caseSensitive);
            if (j < 0) return null;
            int valueEnd = Closing(s, j, '(', ')');
            string value = s.Substring(j + 1, Math.Max(0, valueEnd - j - 2));
            int body = NextToken(s, valueEnd);
            if (body >= s.Length || s[body] != '{') return null;
            open = body;
            int close = ClosingBrace(s, open);
            if (close < 0) return null;

            // The clauses: a label (quoted text, a number, a variable, a bare word, or a script block), then its block.
            var labels = new List<string>();
            var blocks = new List<(int Open, int Close)>();
            (int Open, int Close)? fallback = null;
            for (int k = NextToken(s, open + 1); k < close; k = NextToken(s, k))
            {
                if (s[k] == ';')
                {
                    k++;
                    continue;
                }

                int labelStart = k;
                if (s[k] == '{') k = ClosingBrace(s, k) + 1;
                else if (s[k] == '\'' || s[k] == '"') k = StringEnd(s, k);
                else if (s[k] == '(' || s[k] == '@') return null; // an expression as a label
                else while (k < close && !char.IsWhiteSpace(s[k]) && s[k] != '{') k++;
                if (k <= labelStart || k > close) return null;
                string label = s.Substring(labelStart, k - labelStart);
                int blockOpen = NextToken(s, k);
                int blockClose = blockOpen < close && s[blockOpen] == '{' ? ClosingBrace(s, blockOpen) : -1;
                if (blockClose < 0 || blockClose > close) return null;
                if (string.Equals(label, "default", StringComparison.OrdinalIgnoreCase)) fallback = (blockOpen, blockClose);
                else
                {
                    labels.Add(label);
                    blocks.Add((blockOpen, blockClose));
                }

                k = blockClose + 1;
            }

            // A list the script fixes ($roles = 'web', 'sql'; $lab.VMs; 1..3) goes through the clauses item by item, as
            // PowerShell's switch does, each clause reading the item as $_; one value is that one item.
            int read = 0;
            string written = value.Trim();
            int lead = value.Length - value.TrimStart().Length;
            IReadOnlyList<object>? items = written.Length > 0 ? Items(written, ref read, (o, length) => at(j + 1 + lead + o, length), variables) : null;
            if (items == null || read < written.Length)
            {
                items = null;
            }
            else if (items.Count != 1)
            {
                // break ends the switch and continue goes on with the next item: what runs after either is not known.
                if (items.Count > MaxLoopItems || Mentions(s, open, close, "break") || Mentions(s, open, close, "continue") || !variables.TakeRuns(items.Count)) return null;
                var each = new List<List<(int Open, int Close)>>();
                foreach (object item in items)
                {
                    if (!(Runs(ItemMatches(item, labels, mode, caseSensitive, variables), blocks, fallback) is List<(int Open, int Close)> runs)) return null;
                    each.Add(runs);
                }

                for (int n = 0; n < items.Count; n++)
                {
                    foreach ((int blockOpen, int blockClose) in each[n]) ReadBlock(s, blockOpen, blockClose, at, variables.ForItem(PipelineItem, items[n]), commands);
                }

                return close + 1;
            }

            if (!(Runs(ScriptCondition.SwitchMatches(value, labels, mode, caseSensitive, ConditionValue(variables),
                (condition, tested) => Condition(condition, variables.ForItem(PipelineItem, tested))), blocks, fallback) is List<(int Open, int Close)> matched)) return null;
            for (int k = 0; k < matched.Count - 1; k++)
            {
                // break ends the switch, and continue goes on with the next value: what runs after is not known.
                if (Mentions(s, matched[k].Open, matched[k].Close, "break") || Mentions(s, matched[k].Open, matched[k].Close, "continue")) return null;
            }

            // The clauses that match run, once each, where they are written: what they assign and set holds after them.
            // They read the value as $_ where the script fixes it.
            ScriptVariables.HeldItem? held = items != null ? variables.HoldItem(PipelineItem, items[0]) : null;
            foreach ((int blockOpen, int blockClose) in matched) ReadBlock(s, blockOpen, blockClose, at, variables, commands, ran: true);
            if (held != null) variables.Release(held);
            return close + 1;
        }

        // The variable a list's item is tested as: a name of HvLint's, which no script writes.
        private static readonly string[] SwitchItem = { "__HvLintSwitchItem" };

        /// <summary>
        /// Which labels one item of a list matches: a value (text, a number) as a switch on it would; a table (a CSV row,
        /// a settings entry) only through script block labels ({ $_.Role -eq 'sql' }), since it equals no written label.
        /// </summary>
        private static bool[]? ItemMatches(object item, List<string> labels, ScriptCondition.SwitchMode mode, bool caseSensitive, ScriptVariables variables)
        {
            if (item is string || item is long || item is bool)
            {
                ScriptVariables holding = variables.ForItem(SwitchItem, item);
                return ScriptCondition.SwitchMatches("$" + SwitchItem[0], labels, mode, caseSensitive, ConditionValue(holding),
                    (condition, tested) => Condition(condition, holding.ForItem(PipelineItem, tested)));
            }

            var matches = new bool[labels.Count];
            for (int k = 0; k < labels.Count; k++)
            {
                string label = labels[k].Trim();
                if (!(label.StartsWith("{", StringComparison.Ordinal) && Condition(label.Substring(1, Math.Max(0, label.Length - 2)), variables.ForItem(PipelineItem, item)) is bool match)) return null;
                matches[k] = match;
            }

            return matches;
        }

        /// <summary>The blocks of the clauses that match (<paramref name="matches"/>), in order, else default's; null when a match is unknown.</summary>
        private static List<(int Open, int Close)>? Runs(bool[]? matches, List<(int Open, int Close)> blocks, (int Open, int Close)? fallback)
        {
            if (matches == null) return null;
            var runs = new List<(int Open, int Close)>();
            for (int k = 0; k < matches.Length; k++)
            {
                if (matches[k]) runs.Add(blocks[k]);
            }

            if (runs.Count == 0 && fallback is (int, int) otherwise) runs.Add(otherwise);
            return runs;
        }

        /// <summary>
        /// The commands of the block between the braces at <paramref name="open"/> and <paramref name="close"/> (a branch
        /// or a clause that runs), at their places in the script; what the block assigns is its own, unless it
        /// <paramref name="ran"/> where it is written (an if's branch the conditions choose), which holds after it.
        /// </summary>
        private static void ReadBlock(string s, int open, int close, Func<int, int, Location> at, ScriptVariables variables, List<CommandCall> commands, bool ran = false)
        {
            int offset = open + 1;
            variables.Open();
            List<CommandCall> read = Parse(s.Substring(offset, close - offset), (o, length) => at(offset + o, length), variables);
            variables.Close(ran);
            foreach (CommandCall c in read) c.StatementEnd += offset;
            commands.AddRange(read);
        }

        /// <summary>Whether <paramref name="word"/> is written as a word between <paramref name="from"/> and <paramref name="to"/>, outside strings and comments.</summary>
        internal static bool Mentions(string s, int from, int to, string word)
        {
            for (int k = from; k < to;)
            {
                if (SkipStringOrComment(s, ref k)) continue;
                if (string.Compare(s, k, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0 && (k == 0 || !IsNameChar(s[k - 1]))
                    && (k + word.Length >= s.Length || !IsNameChar(s[k + word.Length]))) return true;
                k++;
            }

            return false;
        }

        /// <summary>
        /// A condition the script fixes: true, false, or null for anything HvLint does not evaluate (see
        /// <see cref="ScriptCondition"/>).
        /// </summary>
        private static bool? Condition(string condition, ScriptVariables variables) => ScriptCondition.Evaluate(condition, ConditionValue(variables));

        /// <summary>
        /// The value of a variable, member, key or ContainsKey ($legacy, $vm.Role, $vm['Role'], $vm.ContainsKey('Role')) as a
        /// condition reads it: a boolean, a number, text, <see cref="ScriptCondition.NullValue"/> for a member or key the
        /// table lacks (<see cref="ScriptHashtable.Complete"/>), or null when unknown.
        /// </summary>
        private static Func<string, object?> ConditionValue(ScriptVariables variables) => operand =>
        {
            CodeValue? held;
            if (VariableName(operand, 0, operand.Length) is string name)
            {
                held = variables.TryRead(name, out CodeValue? v) ? v : null;
            }
            else if (operand.EndsWith(")", StringComparison.Ordinal) || operand.EndsWith("]", StringComparison.Ordinal))
            {
                return HashtableLookup(operand, variables);
            }
            else
            {
                held = Member(operand, 0, operand.Length, variables, out bool lacks);
                if (lacks && !variables.MayBeStrict) return ScriptCondition.NullValue;
            }

            if (held == null || !held.IsKnown) return null;
            return held.Value switch { bool b => b, long l => l, int i => (long)i, short h => (long)h, byte y => (long)y, string t => t, _ => null };
        };

        /// <summary>
        /// $table['Name'] (the value, or $null for a key the table lacks) or $table.ContainsKey('Name') (true or false) of a
        /// hashtable written @{ }, the key quoted or a variable the script fixes; null for anything else. Neither is an
        /// error in strict mode.
        /// </summary>
        private static object? HashtableLookup(string operand, ScriptVariables variables)
        {
            bool index = operand[operand.Length - 1] == ']';
            string? written = null;
            ScriptHashtable? table = null;
            if (index)
            {
                table = IndexedTable(operand, 0, operand.Length, variables, out written);
            }
            else
            {
                int open = operand.IndexOf('('), dot = operand.IndexOf('.');
                if (open < 0 || dot < 0 || dot > open || VariableName(operand, 0, dot) is not string name
                    || !string.Equals(operand.Substring(dot + 1, open - dot - 1).Trim(), "ContainsKey", StringComparison.OrdinalIgnoreCase)) return null;
                table = variables.TryRead(name, out CodeValue? held) ? held!.Value as ScriptHashtable : null;
                written = KeyText(operand.Substring(open + 1, operand.Length - open - 2).Trim(), variables);
            }

            if (!(table is { IsHashtable: true } entries) || written == null) return null;
            if (entries.AnyKeyChanged || (entries.ChangedKeys != null && entries.ChangedKeys.Contains(written))) return null; // $vm.Remove('Pxe') too
            foreach (KeyValuePair<string, CodeValue> e in entries)
            {
                if (!string.Equals(e.Key, written, StringComparison.OrdinalIgnoreCase)) continue;
                if (!index) return true;
                return e.Value.IsKnown ? e.Value.Value switch { bool b => b, long l => l, string t => t, _ => null } : null;
            }

            if (!entries.Complete) return null;
            return index ? ScriptCondition.NullValue : false;
        }

        /// <summary>The next character after blanks, line breaks and comments from <paramref name="i"/>.</summary>
        internal static int NextToken(string s, int i)
        {
            while (i < s.Length)
            {
                if (char.IsWhiteSpace(s[i])) i++;
                else if (!(s[i] == '#' || (s[i] == '<' && i + 1 < s.Length && s[i + 1] == '#')) || !SkipStringOrComment(s, ref i)) break;
            }

            return i;
        }

        /// <summary>
        /// A function the script defines (function New-LabVM { param($Name, $Cpu) ... }, or function New-LabVM($Name)
        /// { ... }; filter too), with where its parameter list opens and its body's braces, in the whole script's text.
        /// </summary>
        internal sealed class ScriptFunction
        {
            public ScriptFunction(string name, int start, int parameters, int bodyOpen, int bodyClose)
            {
                Name = name;
                Start = start;
                Parameters = parameters;
                BodyOpen = bodyOpen;
                BodyClose = bodyClose;
            }

            public string Name { get; }

            /// <summary>Where its definition starts (the function keyword).</summary>
            public int Start { get; }

            /// <summary>Whether the script calls it: its name is written anywhere but in its definition.</summary>
            public bool Called { get; set; }

            /// <summary>The '(' of its parameter list or of the param( ) block its body starts with; -1 for none.</summary>
            public int Parameters { get; }

            public int BodyOpen { get; }

            public int BodyClose { get; }

            /// <summary>The file that defines it, a script the script dot-sources or a module it imports; null for its own.</summary>
            public ImportedFile? File { get; set; }
        }

        /// <summary>
        /// Every function <paramref name="s"/> defines, named without a scope such as global:, in the order written; a
        /// name may be defined more than once.
        /// </summary>
        internal static List<ScriptFunction> Functions(string s)
        {
            var found = new List<ScriptFunction>();
            for (int i = 0; i < s.Length;)
            {
                if (SkipStringOrComment(s, ref i)) continue;
                int keyword = Keyword(s, i, "function") ? 8 : Keyword(s, i, "filter") ? 6 : 0;
                if (keyword == 0)
                {
                    i++;
                    continue;
                }

                int j = Blanks(s, i + keyword), nameStart = j;
                while (j < s.Length && !char.IsWhiteSpace(s[j]) && s[j] != '(' && s[j] != '{') j++;
                string name = s.Substring(nameStart, j - nameStart);
                name = name.Substring(name.IndexOf(':') + 1);
                while (j < s.Length && char.IsWhiteSpace(s[j])) j++;
                int parameters = -1;
                if (j < s.Length && s[j] == '(')
                {
                    parameters = j;
                    j = Closing(s, j, '(', ')');
                    while (j < s.Length && char.IsWhiteSpace(s[j])) j++;
                }

                int close = j < s.Length && s[j] == '{' ? ClosingBrace(s, j) : -1;
                if (name.Length > 0 && close > j)
                {
                    found.Add(new ScriptFunction(name, i, parameters >= 0 ? parameters : ParamBlockOpen(s, j + 1), j, close)
                    {
                        Called = NamedOutside(s, name, i, j),
                    });
                }

                i = Math.Max(j, i + keyword); // on into the body: it may define functions too
            }

            return found;
        }

        /// <summary>
        /// Whether <paramref name="name"/> is written as a word of its own outside s[from..to) (a definition's head), and
        /// outside comments and strings, which call nothing.
        /// </summary>
        private static bool NamedOutside(string s, string name, int from, int to)
        {
            for (int k = 0; k < s.Length;)
            {
                if (SkipStringOrComment(s, ref k)) continue;
                bool word = string.Compare(s, k, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (k == 0 || !(IsNameChar(s[k - 1]) || s[k - 1] == '-')) && (k + name.Length == s.Length || !(IsNameChar(s[k + name.Length]) || s[k + name.Length] == '-'));
                if (word && (k < from || k >= to)) return true;
                k++;
            }

            return false;
        }

        /// <summary>
        /// The literal default that starts at <paramref name="d"/> in a parameter list: read up to the ',' or ')' that ends
        /// it, which a value in a command would run on past.
        /// </summary>
        private static CodeValue Default(string s, int d, Func<int, int, Location> at, ScriptVariables variables)
        {
            int end = d, depth = 0;
            while (end < s.Length)
            {
                if (SkipStringOrComment(s, ref end)) continue;
                char c = s[end];
                if (c == '(' || c == '[' || c == '{') depth++;
                else if ((c == ')' || c == ']' || c == '}') && depth-- == 0) break;
                else if ((c == ',' || c == '\n' || c == ';') && depth == 0) break;
                end++;
            }

            string text = s.Substring(d, end - d).TrimEnd();
            int k = 0;
            return ReadValue(text, ref k, (o, length) => at(d + o, length), variables);
        }

        /// <summary>Whether the keyword <paramref name="word"/> is written at <paramref name="i"/>, a word of its own followed by a blank.</summary>
        internal static bool Keyword(string s, int i, string word) => KeywordAt(s, i, word) && (s[i + word.Length] == ' ' || s[i + word.Length] == '\t');

        /// <summary>Whether the keyword of a statement with a condition (if, elseif, switch) is written at <paramref name="i"/>, followed by a blank or its '('.</summary>
        private static bool StatementKeyword(string s, int i, string word) => KeywordAt(s, i, word) && (s[i + word.Length] == ' ' || s[i + word.Length] == '\t' || s[i + word.Length] == '(');

        // The word at i, not the end of another (Set-If, $if) and with a character after it.
        private static bool KeywordAt(string s, int i, string word) =>
            string.Compare(s, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
            && (i == 0 || !(char.IsLetterOrDigit(s[i - 1]) || s[i - 1] == '_' || s[i - 1] == '-' || s[i - 1] == '$'))
            && i + word.Length < s.Length;

        /// <summary>
        /// The commands a call of a function of the script runs: its body, read with each parameter holding what the call
        /// gives it (by name, an unambiguous prefix of one, or by position, in the order they are declared) or its
        /// default when that is a literal (false for a [switch]); any other parameter is unknown, and so is every one the
        /// call may give through a splat. Each command's statement ends where the call's does, since that is where the
        /// VM exists in the caller.
        /// </summary>
        private static List<CommandCall> Call(ScriptFunction function, CommandCall call, int statementEnd, ScriptVariables variables)
        {
            // A function of a script the script dot-sources, or of a module it imports, is read in that file.
            string s = function.File?.Text ?? variables.Text;
            Func<int, int, Location> at = function.File != null ? function.File.At : variables.At!;
            var defaults = new List<int>();
            var switches = new List<bool>();
            List<string> declared = ParameterList(s, function.Parameters, out bool inOrder, defaults, switches);
            var given = new Dictionary<string, CodeValue?>(StringComparer.OrdinalIgnoreCase);
            bool allBound = !call.Splatted; // every argument bound to a parameter the function declares, or a common one
            List<KeyValuePair<string, CodeValue>>? common = null; // -Verbose, -ErrorAction and the like, given
            foreach (KeyValuePair<string, CodeValue> named in call.Named)
            {
                string? parameter = declared.Find(d => string.Equals(d, named.Key, StringComparison.OrdinalIgnoreCase));
                if (parameter == null)
                {
                    List<string> prefixed = declared.FindAll(d => d.StartsWith(named.Key, StringComparison.OrdinalIgnoreCase));
                    if (prefixed.Count == 1) parameter = prefixed[0];
                }

                if (parameter != null) given[parameter] = named.Value;
                else if (TakesCommonParameter(s, function, named.Key)) (common ??= new List<KeyValuePair<string, CodeValue>>()).Add(named);
                else allBound = false;
            }

            int next = 0, positional = 0;
            foreach (CodeValue argument in call.Positional)
            {
                while (next < declared.Count && given.ContainsKey(declared[next])) next++;
                if (!inOrder || next == declared.Count) break;
                given[declared[next++]] = argument;
                positional++;
            }

            // $PSBoundParameters in the body: the parameters the call gives, not those left to their defaults, so that
            // New-VM @PSBoundParameters does not get a default the function declares ([int]$Generation = 2), and the common
            // parameters it gives (-Verbose). Unknown where an argument binds to no parameter the function takes.
            ScriptHashtable? bound = null;
            if (allBound && positional == call.Positional.Count)
            {
                bound = new ScriptHashtable { Complete = true, IsHashtable = true };
                foreach (KeyValuePair<string, CodeValue?> g in given) bound.Add(new KeyValuePair<string, CodeValue>(g.Key, g.Value ?? CodeValue.Unknown(call.Location)));
                if (common != null) bound.AddRange(common);
            }

            // A parameter the call leaves off holds its default: false for a [switch], else a literal one.
            for (int k = 0; k < declared.Count; k++)
            {
                if (given.ContainsKey(declared[k])) continue;
                int d = defaults[k];
                given[declared[k]] = call.Splatted ? null
                    : switches[k] && d < 0 ? new CodeValue(false, true, call.Location)
                    : d >= 0 && StartsLiteral(s, d) ? Default(s, d, at, variables) : null;
            }

            int offset = function.BodyOpen + 1;
            string body = s.Substring(offset, function.BodyClose - offset);
            ScriptVariables run = function.File is { Module: true } module
                ? variables.ForCall(given, bound, ModuleVariables(module, variables), module.Own ??= ScriptVariables.For(module.Text))
                : variables.ForCall(given, bound);
            // Its $PSScriptRoot is the folder of the file that defines it.
            string root = run.ScriptRoot;
            run.ScriptRoot = function.File == null ? run.FolderRoot : run.RootOf(function.File) ?? root;
            try
            {
                List<CommandCall> commands = Parse(body, (o, length) => at(offset + o, length), run);
                foreach (CommandCall c in commands) c.StatementEnd = statementEnd;
                return commands;
            }
            finally
            {
                run.ScriptRoot = root;
            }
        }

        /// <summary>
        /// Whether the call's <paramref name="name"/> is a common parameter <paramref name="function"/> takes: an advanced
        /// function ([CmdletBinding()] before its param( ) block, or a [Parameter()] attribute in it) takes -Verbose,
        /// -Debug, -ErrorAction and the other common parameters, and -WhatIf and -Confirm with SupportsShouldProcess.
        /// </summary>
        private static bool TakesCommonParameter(string s, ScriptFunction function, string name)
        {
            bool shouldProcess = string.Equals(name, "WhatIf", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Confirm", StringComparison.OrdinalIgnoreCase);
            if (!shouldProcess && Array.FindIndex(CommonParameters, c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)) < 0) return false;
            if (function.Parameters < 0) return false;
            int close = Closing(s, function.Parameters, '(', ')');
            string head = s.Substring(function.Start, Math.Min(close, s.Length) - function.Start);
            bool advanced = head.IndexOf("[CmdletBinding", StringComparison.OrdinalIgnoreCase) >= 0 || head.IndexOf("[Parameter", StringComparison.OrdinalIgnoreCase) >= 0;
            return advanced && (!shouldProcess || head.IndexOf("SupportsShouldProcess", StringComparison.OrdinalIgnoreCase) >= 0);
        }

        private static readonly string[] CommonParameters =
        {
            "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
            "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
        };

        // A loop over more items than this (in script text or in C#) is read once with its variable unknown, as a loop
        // over data is.
        internal const int MaxLoopItems = 64;

        // How many runs of loop blocks one script (or one C# method) may be read with, shared by nested loops, so that
        // loops in loops cannot multiply the work without bound; a loop past it is read once, its variable unknown.
        internal const int MaxLoopRuns = 256;

        // The variables that hold the item in a pipeline's script block (ForEach-Object, Where-Object) and a switch's.
        private static readonly string[] PipelineItem = { "_", "PSItem" };

        private static readonly char[] LineBreaks = { '\r', '\n' };

        // A hole of a C# interpolated script ($"New-VM -Name {vmName}") whose value the code does not fix but writes the
        // same way each time is read in the script as the variable $hvlint_hole_vmName, given that symbol.
        internal const string HolePrefix = "hvlint_hole_";

        /// <summary>
        /// A loop over items the script lists, at <paramref name="i"/>: foreach ($x in &lt;items&gt;) { ... }, or
        /// &lt;items&gt; | ForEach-Object { ... } (also % and foreach, with -Process), where the items are quoted strings,
        /// @( ), a range such as 1..3, or a variable that holds a constant list. Adds the block's commands once per item,
        /// with $x (or $_ and $PSItem) holding it, and returns where the block ends; null for anything else, which is
        /// then read as before: the block once, its variable unknown.
        /// </summary>
        private static int? EachItem(string s, int i, Func<int, int, Location> at, ScriptVariables variables, List<CommandCall> commands)
        {
            if (!variables.EnterBlock()) return null;
            try
            {
                return Loop(s, i, at, variables, commands);
            }
            finally
            {
                variables.LeaveBlock();
            }
        }

        private static int? Loop(string s, int i, Func<int, int, Location> at, ScriptVariables variables, List<CommandCall> commands)
        {
            string[] names;
            IReadOnlyList<object>? items;
            int j;
            int resume = -1; // where the statement ends, when not at the block's '}' (after .ForEach({ ... })'s ')')
            if (string.Compare(s, i, "foreach", 0, 7, StringComparison.OrdinalIgnoreCase) == 0 && i + 7 < s.Length && (s[i + 7] == '(' || s[i + 7] == ' ' || s[i + 7] == '\t'))
            {
                j = Blanks(s, i + 7);
                if (j >= s.Length || s[j] != '(') return null;
                j = Blanks(s, j + 1);
                if (j >= s.Length || s[j] != '$') return null;
                int nameStart = ++j;
                while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] == '_')) j++;
                if (j == nameStart) return null;
                names = new[] { s.Substring(nameStart, j - nameStart) };
                j = Blanks(s, j);
                if (string.Compare(s, j, "in", 0, 2, StringComparison.OrdinalIgnoreCase) != 0 || j + 2 >= s.Length || !char.IsWhiteSpace(s[j + 2])) return null;
                j = Blanks(s, j + 2);
                items = Items(s, ref j, at, variables);
                if (items != null) items = Filtered(s, ref j, items, variables);
                j = Blanks(s, j);
                if (items == null || j >= s.Length || s[j] != ')') return null;
                j++;
            }
            else if (string.Compare(s, i, "for", 0, 3, StringComparison.OrdinalIgnoreCase) == 0 && i + 3 < s.Length && (s[i + 3] == '(' || s[i + 3] == ' ' || s[i + 3] == '\t'))
            {
                // for ($n = 1; $n -le $server.Instances; $n++) { ... }: the numbers it counts through.
                j = Blanks(s, i + 3);
                if (j >= s.Length || s[j] != '(') return null;
                int headEnd = Closing(s, j, '(', ')');
                if (s[headEnd - 1] != ')' || !(Counted(s, j + 1, headEnd - 1, variables) is (string counter, List<object> counted))) return null;
                names = new[] { counter };
                items = counted;
                j = headEnd;
            }
            else if (StartsLiteral(s, i) || s[i] == '$' || StartsFileRead(s, i) || (s[i] == '(' && StartsFileRead(s, Blanks(s, i + 1))))
            {
                j = i;
                items = Items(s, ref j, at, variables, piped: true);
                names = PipelineItem;
                if (items != null && ScriptBlockMethod(s, j, "ForEach", out int open, out _, out int end))
                {
                    // $lab.VMs.ForEach({ New-VM -Name $_.Name }): the block once for each item, as ForEach-Object runs it.
                    j = open;
                    resume = end;
                }
                else
                {
                    if (items != null) items = Filtered(s, ref j, items, variables);
                    j = Blanks(s, j);
                    if (items == null || j >= s.Length || s[j] != '|') return null;
                    j = AfterPipe(s, j + 1);
                    int command = j;
                    while (j < s.Length && (char.IsLetter(s[j]) || s[j] == '-' || s[j] == '%')) j++;
                    string name = s.Substring(command, j - command);
                    if (!(name == "%" || string.Equals(name, "ForEach-Object", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "foreach", StringComparison.OrdinalIgnoreCase))) return null;
                    j = Blanks(s, j);
                    if (j + 2 < s.Length && s[j] == '-' && char.IsLetter(s[j + 1]))
                    {
                        int parameter = ++j;
                        while (j < s.Length && char.IsLetter(s[j])) j++;
                        if (!"Process".StartsWith(s.Substring(parameter, j - parameter), StringComparison.OrdinalIgnoreCase)) return null;
                        j = Blanks(s, j);
                    }
                }
            }
            else
            {
                return null;
            }

            while (j < s.Length && char.IsWhiteSpace(s[j])) j++;
            if (items == null || j >= s.Length || s[j] != '{' || items.Count > MaxLoopItems) return null;
            int close = ClosingBrace(s, j);
            if (close < 0 || !variables.TakeRuns(items.Count)) return null;

            // The block's text, read on its own for each item; its positions are the script's from where it starts.
            int offset = j + 1;
            string block = s.Substring(offset, close - offset);
            Func<int, int, Location> inBlock = (o, length) => at(offset + o, length);
            foreach (object item in items)
            {
                List<CommandCall> once = Parse(block, inBlock, variables.ForItem(names, item));
                foreach (CommandCall c in once) c.StatementEnd += offset;
                commands.AddRange(once);
            }

            return resume > 0 ? resume : close + 1;
        }

        /// <summary>
        /// The variable and the numbers a for loop's head (s[start..end), between its parentheses) counts through, as
        /// PowerShell runs it: $n = a whole number the script fixes (<see cref="Expression"/>); $n compared with -lt, -le,
        /// -gt or -ge to one; $n++, $n--, ++$n, --$n, $n += k or $n -= k. Null for any other head, for a count that never
        /// ends or has more than <see cref="MaxLoopItems"/> runs.
        /// </summary>
        private static (string Counter, List<object> Numbers)? Counted(string s, int start, int end, ScriptVariables variables)
        {
            // The three parts, split at the ';' outside strings and parentheses.
            var parts = new List<(int Start, int End)>();
            int from = start;
            for (int k = start; k < end;)
            {
                if (SkipStringOrComment(s, ref k)) continue;
                if (s[k] == '(')
                {
                    k = Closing(s, k, '(', ')');
                    continue;
                }

                if (s[k] == ';')
                {
                    parts.Add((from, k));
                    from = k + 1;
                }

                k++;
            }

            parts.Add((from, end));
            if (parts.Count != 3) return null;

            // The start: $n = value.
            int i = NextToken(s, parts[0].Start);
            if (i >= parts[0].End || s[i] != '$') return null;
            int nameEnd = i + 1;
            while (nameEnd < parts[0].End && IsNameChar(s[nameEnd])) nameEnd++;
            if (!(VariableName(s, i, nameEnd) is string counter)) return null;
            int equals = Blanks(s, nameEnd);
            if (equals >= parts[0].End || s[equals] != '=' || !(Expression(s, equals + 1, parts[0].End, variables, out _) is long first)) return null;

            // The test: $n -le limit.
            int t = NextToken(s, parts[1].Start);
            if (t + 1 + counter.Length > parts[1].End || !(VariableName(s, t, t + 1 + counter.Length) is string tested) || !string.Equals(tested, counter, StringComparison.OrdinalIgnoreCase)) return null;
            int op = Blanks(s, t + 1 + counter.Length);
            string? comparison = null;
            foreach (string o in new[] { "-lt", "-le", "-gt", "-ge" })
            {
                if (op + 3 < parts[1].End && string.Compare(s, op, o, 0, 3, StringComparison.OrdinalIgnoreCase) == 0 && char.IsWhiteSpace(s[op + 3])) comparison = o;
            }

            if (comparison == null || !(Expression(s, op + 3, parts[1].End, variables, out _) is long limit)) return null;

            // The step.
            string step = s.Substring(parts[2].Start, parts[2].End - parts[2].Start).Trim();
            string written = "$" + counter;
            long by;
            if (string.Equals(step, written + "++", StringComparison.OrdinalIgnoreCase) || string.Equals(step, "++" + written, StringComparison.OrdinalIgnoreCase)) by = 1;
            else if (string.Equals(step, written + "--", StringComparison.OrdinalIgnoreCase) || string.Equals(step, "--" + written, StringComparison.OrdinalIgnoreCase)) by = -1;
            else if (step.StartsWith(written, StringComparison.OrdinalIgnoreCase) && step.Length > written.Length + 2 && (step[written.Length] == ' ' || step[written.Length] == '+' || step[written.Length] == '-'))
            {
                string rest = step.Substring(written.Length).TrimStart();
                if (rest.Length < 3 || (rest[0] != '+' && rest[0] != '-') || rest[1] != '=' || !(Expression(rest, 2, rest.Length, variables, out _) is long amount)) return null;
                by = rest[0] == '+' ? amount : -amount;
            }
            else
            {
                return null;
            }

            var numbers = new List<object>();
            for (long n = first; comparison == "-lt" ? n < limit : comparison == "-le" ? n <= limit : comparison == "-gt" ? n > limit : n >= limit; n += by)
            {
                if (by == 0 || numbers.Count >= MaxLoopItems) return null;
                numbers.Add(n);
            }

            return (counter, numbers);
        }

        /// <summary>
        /// The Where-Object stages after the items of a loop (items | Where-Object { $_.Role -eq 'web' } | ..., also ?
        /// and where, and the simplified Where-Object Role -eq web), each keeping the items its condition is true for
        /// (see <see cref="ScriptCondition"/>): the items left, with <paramref name="i"/> past the stages; the items
        /// themselves when no stage follows. Null when a stage's condition is unknown for any item, or is not one HvLint
        /// reads, since the loop's items are then unknown.
        /// </summary>
        private static IReadOnlyList<object>? Filtered(string s, ref int i, IReadOnlyList<object> items, ScriptVariables variables)
        {
            int j = Blanks(s, i);
            while (j < s.Length && s[j] == '|')
            {
                int command = AfterPipe(s, j + 1), k = command;
                while (k < s.Length && (char.IsLetter(s[k]) || s[k] == '-' || s[k] == '?')) k++;
                string name = s.Substring(command, k - command);
                bool sort = string.Equals(name, "Sort-Object", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "sort", StringComparison.OrdinalIgnoreCase);
                if (sort || string.Equals(name, "Select-Object", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "select", StringComparison.OrdinalIgnoreCase))
                {
                    List<string>? words = StageWords(s, ref k);
                    IReadOnlyList<object>? passed = words == null ? null : sort ? Sorted(items, words) : Selected(items, words);
                    if (passed == null) return null;
                    items = passed;
                    i = k;
                    j = Blanks(s, k);
                    continue;
                }

                if (!(name == "?" || string.Equals(name, "Where-Object", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "where", StringComparison.OrdinalIgnoreCase))) break;
                k = Blanks(s, k);
                int parameter = k;
                while (k < s.Length && (char.IsLetter(s[k]) || s[k] == '-')) k++;
                if (k - parameter > 1 && s[parameter] == '-' && "-FilterScript".StartsWith(s.Substring(parameter, k - parameter), StringComparison.OrdinalIgnoreCase)) k = Blanks(s, k);
                else k = parameter;

                string? condition;
                if (k < s.Length && s[k] == '{')
                {
                    int close = ClosingBrace(s, k);
                    if (close < 0) return null;
                    condition = s.Substring(k + 1, close - k - 1);
                    k = close + 1;
                }
                else
                {
                    condition = SimplifiedWhere(s, ref k);
                }

                if (condition == null || !(Kept(items, condition, variables) is List<object> kept)) return null;
                items = kept;
                i = k;
                j = Blanks(s, k);
            }

            return items;
        }

        /// <summary>The items <paramref name="condition"/> is true for, read with $_ holding each; null when it is unknown for any.</summary>
        private static List<object>? Kept(IReadOnlyList<object> items, string condition, ScriptVariables variables)
        {
            var kept = new List<object>();
            foreach (object item in items)
            {
                bool? keep = Condition(condition, variables.ForItem(PipelineItem, item));
                if (keep == null) return null;
                if (keep == true) kept.Add(item);
            }

            return kept;
        }

        /// <summary>
        /// The items a pipeline at <paramref name="i"/> that the script assigns leaves after its Where-Object stages
        /// ($web = Import-Csv .\vms.csv | Where-Object { $_.Role -eq 'web' }, or Get-Content's lines, or a list the script
        /// holds, so filtered, also by .Where({ ... })), when the statement ends there; null otherwise, and without such a
        /// stage, which the reader of the statement's own command assigns.
        /// </summary>
        private static CodeValue? FilteredItems(string s, int i, Func<int, int, Location> at, ScriptVariables variables)
        {
            int j = i;
            IReadOnlyList<object>? items = ItemsWritten(s, ref j, at, variables, piped: true);
            if (items == null) return null;
            int stages = j;
            items = WhereMethods(s, ref j, items, variables);
            if (items != null) items = Filtered(s, ref j, items, variables);
            if (items == null || j == stages) return null;
            j = Blanks(s, j);
            if (j < s.Length && s[j] != '\r' && s[j] != '\n' && s[j] != ';' && s[j] != '}' && s[j] != '#') return null;
            object? list = items.All(item => item is ScriptHashtable) ? items.Cast<ScriptHashtable>().ToList()
                : items.All(item => item is string) ? items.Cast<string>().ToList() : (object?)null;
            return list == null ? null : new CodeValue(list, true, at(i, j - i));
        }

        /// <summary>
        /// The condition the simplified syntax of Where-Object writes ([-Property] Role [-EQ [-Value] web], also -Like,
        /// -GT and the other comparisons), as a script block would: $_.Role -eq 'web'. A bare word is text, as in a
        /// command's arguments. Null for anything else (-Not, -Is, a value HvLint does not read).
        /// </summary>
        private static string? SimplifiedWhere(string s, ref int i)
        {
            int j = i;
            // A value HvLint does not read (@('web'), (Get-Role), { ... }): not a condition it evaluates.
            if (!(StageWords(s, ref j) is List<string> words)) return null;
            if (words.Count > 0 && "-Property".StartsWith(words[0], StringComparison.OrdinalIgnoreCase) && words[0].Length > 1) words.RemoveAt(0);
            if (words.Count == 3 && "-Value".StartsWith(words[2], StringComparison.OrdinalIgnoreCase) && words[2].Length > 1) return null;
            if (words.Count == 4 && "-Value".StartsWith(words[2], StringComparison.OrdinalIgnoreCase) && words[2].Length > 1) words.RemoveAt(2);
            if (words.Count == 0 || words.Count == 2 || words.Count > 3 || !IsPropertyName(words[0]) || (words.Count == 3 && words[2][0] == '-')) return null;
            string property = "$_." + words[0];
            i = j;
            if (words.Count == 1) return property;
            string op = words[1], value = words[2];
            if (op.Length < 3 || op[0] != '-') return null;
            bool literal = value[0] == '\'' || value[0] == '"' || value[0] == '$' || char.IsDigit(value[0]);
            return property + " " + op + " " + (literal ? value : "'" + value.Replace("'", "''") + "'");
        }

        /// <summary>
        /// The words of a pipeline stage's arguments from <paramref name="i"/> to the end of the stage, a quoted one with its
        /// quotes, with <paramref name="i"/> past them; a ',' is a word of its own. Null where a script block, a hashtable
        /// or a subexpression is among them, which only Where-Object's own reader takes.
        /// </summary>
        private static List<string>? StageWords(string s, ref int i)
        {
            var words = new List<string>();
            int j = i;
            while (true)
            {
                j = Blanks(s, j);
                if (j >= s.Length || s[j] == '|' || s[j] == ')' || s[j] == ';' || s[j] == '\r' || s[j] == '\n' || s[j] == '#') break;
                int start = j;
                if (s[j] == '{' || s[j] == '@' || s[j] == '(' || (s[j] == '$' && j + 1 < s.Length && s[j + 1] == '(')) return null;
                if (s[j] == '\'' || s[j] == '"') j = StringEnd(s, j);
                else if (s[j] == ',') j++;
                else while (j < s.Length && !char.IsWhiteSpace(s[j]) && s[j] != '|' && s[j] != ')' && s[j] != ';' && s[j] != ',') j++;
                words.Add(s.Substring(start, j - start));
            }

            i = j;
            return words;
        }

        /// <summary>
        /// The items in the order Sort-Object gives them ([-Property] Name[, Cpu] [-Descending]): by each property in turn,
        /// numbers by value and text without case, as PowerShell orders names of letters, digits and hyphens; items of equal
        /// keys keep their order. Null for anything else (-Unique, -Top, a script block, a key unknown or of mixed kinds).
        /// </summary>
        private static IReadOnlyList<object>? Sorted(IReadOnlyList<object> items, List<string> words)
        {
            bool descending = false;
            var properties = new List<string>();
            foreach (string word in words)
            {
                if (word == ",") continue;
                if (word.Length > 1 && word[0] == '-')
                {
                    if (word.Length > 2 && "-Descending".StartsWith(word, StringComparison.OrdinalIgnoreCase)) descending = true;
                    else if (!(word.Length > 2 && "-Property".StartsWith(word, StringComparison.OrdinalIgnoreCase))) return null;
                    continue;
                }

                string property = Unquoted(word);
                if (!IsPropertyName(property)) return null;
                properties.Add(property);
            }

            var keyed = new List<KeyValuePair<object[], int>>();
            for (int n = 0; n < items.Count; n++)
            {
                var keys = new object[Math.Max(1, properties.Count)];
                for (int p = 0; p < keys.Length; p++)
                {
                    object? key = properties.Count == 0 ? items[n] : PropertyOf(items[n], properties[p])?.Value;
                    if (!(key is string || key is long)) return null;
                    if (n > 0 && key.GetType() != keyed[0].Key[p].GetType()) return null;
                    keys[p] = key;
                }

                keyed.Add(new KeyValuePair<object[], int>(keys, n));
            }

            keyed.Sort((a, b) =>
            {
                for (int p = 0; p < a.Key.Length; p++)
                {
                    int c = a.Key[p] is long x ? x.CompareTo((long)b.Key[p]) : string.Compare((string)a.Key[p], (string)b.Key[p], StringComparison.OrdinalIgnoreCase);
                    if (c != 0) return descending ? -c : c;
                }

                return a.Value.CompareTo(b.Value);
            });
            return keyed.ConvertAll(k => items[k.Value]);
        }

        /// <summary>
        /// The items Select-Object passes on: -First, -Last and -Skip with a number (-Skip before -First, as PowerShell
        /// applies them), the properties it keeps of each table (Name, Cpu, or *), or -ExpandProperty's value. Null for
        /// anything else (-Unique, -Index, a calculated property, a wildcard other than *, an item without the property).
        /// </summary>
        private static IReadOnlyList<object>? Selected(IReadOnlyList<object> items, List<string> words)
        {
            int first = -1, last = -1, skip = 0;
            string? expand = null;
            var properties = new List<string>();
            for (int w = 0; w < words.Count; w++)
            {
                string word = words[w];
                if (word == ",") continue;
                if (word.Length > 1 && word[0] == '-')
                {
                    bool takesNumber = "-First".StartsWith(word, StringComparison.OrdinalIgnoreCase) || "-Last".StartsWith(word, StringComparison.OrdinalIgnoreCase) || "-Skip".StartsWith(word, StringComparison.OrdinalIgnoreCase);
                    if (takesNumber && word.Length > 2)
                    {
                        if (w + 1 >= words.Count || !int.TryParse(words[w + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n)) return null;
                        w++;
                        if (char.ToUpperInvariant(word[1]) == 'F') first = n;
                        else if (char.ToUpperInvariant(word[1]) == 'L') last = n;
                        else skip = n;
                    }
                    else if (word.Length > 3 && "-ExpandProperty".StartsWith(word, StringComparison.OrdinalIgnoreCase) && w + 1 < words.Count)
                    {
                        expand = Unquoted(words[++w]);
                        if (!IsPropertyName(expand)) return null;
                    }
                    else if (!(word.Length > 2 && "-Property".StartsWith(word, StringComparison.OrdinalIgnoreCase)))
                    {
                        return null;
                    }

                    continue;
                }

                string property = Unquoted(word);
                if (property != "*" && !IsPropertyName(property)) return null;
                properties.Add(property);
            }

            if (last >= 0 && (first >= 0 || skip > 0)) return null;
            IEnumerable<object> kept = items.Skip(skip);
            if (first >= 0) kept = kept.Take(first);
            if (last >= 0) kept = items.Skip(Math.Max(0, items.Count - last));
            var selected = new List<object>();
            foreach (object item in kept)
            {
                if (expand != null)
                {
                    CodeValue? value = PropertyOf(item, expand);
                    if (value?.Value == null || properties.Count > 0) return null;
                    selected.Add(value.Value);
                }
                else if (properties.Count > 0 && !properties.Contains("*"))
                {
                    if (!(item is ScriptHashtable table)) return null;
                    var projected = new ScriptHashtable();
                    foreach (string property in properties)
                    {
                        // A property the item lacks is $null in PowerShell; here it is left out, and so unknown.
                        int at = table.FindIndex(e => string.Equals(e.Key, property, StringComparison.OrdinalIgnoreCase));
                        if (at >= 0) projected.Add(table[at]);
                    }

                    selected.Add(projected);
                }
                else
                {
                    selected.Add(item);
                }
            }

            return selected;
        }

        /// <summary>A table item's known property (<see cref="Entry"/>); null for any other item.</summary>
        private static CodeValue? PropertyOf(object item, string property) => item is ScriptHashtable table ? Entry(table, property) : null;

        private static string Unquoted(string word) => word.Length >= 2 && (word[0] == '\'' || word[0] == '"') && word[word.Length - 1] == word[0] ? word.Substring(1, word.Length - 2) : word;

        private static bool IsPropertyName(string word)
        {
            foreach (char c in word)
            {
                if (!char.IsLetterOrDigit(c) && c != '_') return false;
            }

            return word.Length > 0;
        }

        /// <summary>Where the command after a '|' starts: a pipeline goes on over line breaks after its '|'.</summary>
        private static int AfterPipe(string s, int i)
        {
            while (i < s.Length && (char.IsWhiteSpace(s[i]) || (s[i] == '`' && i + 1 < s.Length && (s[i + 1] == '\r' || s[i + 1] == '\n')))) i++;
            return i;
        }

        /// <summary>The items a loop goes through, when the script lists them; null otherwise.</summary>
        /// <param name="piped">The items are piped on (items | ForEach-Object { ... }), so a '|' follows them.</param>
        private static IReadOnlyList<object>? Items(string s, ref int i, Func<int, int, Location> at, ScriptVariables variables, bool piped = false)
        {
            IReadOnlyList<object>? items = ItemsWritten(s, ref i, at, variables, piped);
            return items == null ? null : WhereMethods(s, ref i, items, variables);
        }

        /// <summary>
        /// The .Where({ ... }) calls after a loop's items ($lab.VMs.Where({ $_.Role -eq 'web' }), PowerShell's method on
        /// any collection), each keeping the items its script block is true for, as a Where-Object stage does (see
        /// <see cref="Filtered"/>). Null when a condition is unknown for any item, or when a call gives a mode ('First',
        /// 'Split'), which HvLint does not read.
        /// </summary>
        private static IReadOnlyList<object>? WhereMethods(string s, ref int i, IReadOnlyList<object> items, ScriptVariables variables)
        {
            while (ScriptBlockMethod(s, i, "Where", out int open, out int close, out int end))
            {
                if (!(Kept(items, s.Substring(open + 1, close - open - 1), variables) is List<object> kept)) return null;
                items = kept;
                i = end;
            }

            return items;
        }

        /// <summary>
        /// Whether a method call .<paramref name="name"/>({ ... }) with one script block starts at <paramref name="i"/>
        /// (a '.'): the block's braces, and where the call ends, past its ')'.
        /// </summary>
        private static bool ScriptBlockMethod(string s, int i, string name, out int open, out int close, out int end)
        {
            open = close = end = -1;
            int j = i + 1 + name.Length;
            if (j >= s.Length || s[i] != '.' || string.Compare(s, i + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0 || s[j] != '(') return false;
            j++;
            while (j < s.Length && char.IsWhiteSpace(s[j])) j++;
            if (j >= s.Length || s[j] != '{') return false;
            int closing = ClosingBrace(s, j);
            if (closing < 0) return false;
            int after = closing + 1;
            while (after < s.Length && char.IsWhiteSpace(s[after])) after++;
            if (after >= s.Length || s[after] != ')') return false;
            (open, close, end) = (j, closing, after + 1);
            return true;
        }

        /// <summary>Whether the member access at <paramref name="i"/> (a '.') is a call of .Where({ }) or .ForEach({ }), not an entry of a table.</summary>
        private static bool IsScriptBlockMethod(string s, int i) =>
            ScriptBlockMethod(s, i, "Where", out _, out _, out _) || ScriptBlockMethod(s, i, "ForEach", out _, out _, out _);

        private static IReadOnlyList<object>? ItemsWritten(string s, ref int i, Func<int, int, Location> at, ScriptVariables variables, bool piped)
        {
            if (i >= s.Length) return null;
            if (s[i] == '(' || char.IsLetter(s[i])) return ImportedItems(s, ref i, at, variables, piped);
            if (s[i] == '$')
            {
                // A variable that holds a constant ($names = 'web01', 'web02'), or an entry of a table it holds ($lab.VMs).
                int start = i++;
                while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_' || s[i] == ':' || (s[i] == '.' && i + 1 < s.Length && char.IsLetter(s[i + 1]) && !IsScriptBlockMethod(s, i)))) i++;
                string word = s.Substring(start + 1, i - start - 1);
                if (word.IndexOf('.') < 0) return variables.TryRead(word, out CodeValue? held) ? LoopItems(held!) : null;
                CodeValue? entry = Member(s, start, i, variables);
                if (word.EndsWith(".GetEnumerator", StringComparison.OrdinalIgnoreCase) && i + 1 < s.Length && s[i] == '(' && s[i + 1] == ')') i += 2;
                return entry != null ? LoopItems(entry) : null;
            }

            if (char.IsDigit(s[i]))
            {
                // A range: 1..3 (PowerShell counts down too: 3..1).
                int start = i;
                while (i < s.Length && char.IsDigit(s[i])) i++;
                if (i + 2 >= s.Length || s[i] != '.' || s[i + 1] != '.' || !char.IsDigit(s[i + 2]))
                {
                    i = start;
                    return Numbers(s, ref i);
                }

                int from = int.TryParse(s.Substring(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out int f) ? f : -1;
                int second = i += 2;
                while (i < s.Length && char.IsDigit(s[i])) i++;
                int to = int.TryParse(s.Substring(second, i - second), NumberStyles.None, CultureInfo.InvariantCulture, out int t) ? t : -1;
                if (from < 0 || to < 0 || Math.Abs(to - from) >= MaxLoopItems) return null;
                // Whole numbers, as PowerShell's are: 'WEB{0:D2}' -f $i gives WEB01.
                var range = new List<object>();
                for (int n = from; ; n += from <= to ? 1 : -1)
                {
                    range.Add((long)n);
                    if (n == to) break;
                }

                return range;
            }

            if (s[i] != '\'' && s[i] != '"' && s[i] != '@') return null;
            CodeValue value = ReadValue(s, ref i, at, variables);
            return LoopItems(value);
        }

        /// <summary>
        /// A list of whole numbers written at <paramref name="i"/> (1, 2, 3), each a number as in PowerShell, up to what
        /// follows it: its end, a ')', a '|' or the statement's end; null, leaving <paramref name="i"/>, for anything else
        /// (a size such as 4GB, an expression), and for more than <see cref="MaxLoopItems"/>.
        /// </summary>
        private static IReadOnlyList<object>? Numbers(string s, ref int i)
        {
            var numbers = new List<object>();
            int j = i;
            while (true)
            {
                int start = j;
                while (j < s.Length && char.IsDigit(s[j])) j++;
                if (j == start || j - start > 18 || (j < s.Length && (char.IsLetter(s[j]) || s[j] == '.' || s[j] == '_'))) return null;
                numbers.Add(long.Parse(s.Substring(start, j - start), NumberStyles.None, CultureInfo.InvariantCulture));
                if (numbers.Count > MaxLoopItems) return null;
                j = Blanks(s, j);
                if (j >= s.Length || s[j] != ',') break;
                j = Blanks(s, j + 1);
            }

            if (j < s.Length && s[j] != ')' && s[j] != '|' && !EndsStatement(s, j)) return null;
            i = j;
            return numbers;
        }

        /// <summary>
        /// The rows of Import-Csv, or the lines of Get-Content (<see cref="ContentLines"/>), at <paramref name="i"/>
        /// (Import-Csv .\vms.csv, or in parentheses, where Where-Object stages may follow it; see <see cref="Filtered"/>),
        /// which a loop goes through, moving past the command: up to the '|' or ')' after it, or past the parentheses.
        /// Null, leaving <paramref name="i"/>, when it is neither, when <paramref name="piped"/> and no '|' follows (the
        /// command on its own, as read here), or when its items are not known (<see cref="ImportCsv"/>).
        /// </summary>
        private static IReadOnlyList<object>? ImportedItems(string s, ref int i, Func<int, int, Location> at, ScriptVariables variables, bool piped)
        {
            bool parenthesised = s[i] == '(';
            int from = parenthesised ? Blanks(s, i + 1) : i;
            if (variables.Imported == null || !StartsFileRead(s, from)) return null;
            int end = from;
            while (end < s.Length && s[end] != '|' && s[end] != ')' && s[end] != '\n' && s[end] != '\r' && s[end] != ';')
            {
                if (s[end] == '(') end = Closing(s, end, '(', ')'); // an argument in parentheses: (Join-Path $PSScriptRoot 'vms.csv')
                else if (!SkipStringOrComment(s, ref end)) end++;
            }

            int after = parenthesised ? Closing(s, i, '(', ')') : end;
            if (end <= from || (piped && !parenthesised && !(Blanks(s, after) is int next && next < s.Length && s[next] == '|'))) return null;
            List<CommandCall> read = Parse(s.Substring(from, end - from), (o, length) => at(from + o, length), variables);
            if (read.Count != 1) return null;
            IReadOnlyList<object>? items = IsImportCsv(read[0].Name) ? ImportCsv(read[0], variables)?.Value as List<ScriptHashtable>
                : IsGetContent(read[0].Name) ? ContentLines(read[0], variables)?.Value as List<string> : null;
            if (items == null) return null;
            if (parenthesised)
            {
                // (Import-Csv .\vms.csv | Where-Object { ... }): the stages inside the parentheses filter the items.
                int k = end;
                IReadOnlyList<object>? kept = Filtered(s, ref k, items, variables);
                if (kept == null || AfterPipe(s, k) != after - 1) return null;
                items = kept;
            }

            i = after;
            return items;
        }

        /// <summary>Whether a command that reads a file's items (Import-Csv, Get-Content, or an alias of either) starts at <paramref name="i"/>.</summary>
        private static bool StartsFileRead(string s, int i) => StartsCommand(s, i, ImportCsvNames) || StartsCommand(s, i, GetContentNames);

        private static bool StartsCommand(string s, int i, string[] names)
        {
            foreach (string name in names)
            {
                int end = i + name.Length;
                if (string.Compare(s, i, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0 && (end == s.Length || char.IsWhiteSpace(s[end]) || s[end] == ')' || s[end] == '|')) return true;
            }

            return false;
        }

        // Import-Csv and Get-Content with their aliases, as a script may name them.
        private static readonly string[] ImportCsvNames = { "Import-Csv", "ipcsv" };
        private static readonly string[] GetContentNames = { "Get-Content", "gc", "cat", "type" };

        private static bool IsGetContent(string command) => Array.Exists(GetContentNames, n => string.Equals(n, command, StringComparison.OrdinalIgnoreCase));

        private static bool IsConvertFromJson(string command) => string.Equals(command, "ConvertFrom-Json", StringComparison.OrdinalIgnoreCase);

        private static bool IsImportDataFile(string command) => string.Equals(command, "Import-PowerShellDataFile", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The table Import-PowerShellDataFile reads from a data file (.psd1) the script names as Import-Csv does its file:
        /// the one hashtable the file writes, @{ ... }, with comments around it, its values at the call as Import-Csv's
        /// are (-SkipLimitCheck lifts limits on the file's size and nesting, which change no value). Null, so the value is
        /// unknown, for any other parameter and any text that is not one table.
        /// </summary>
        private static CodeValue? DataFile(CommandCall call, ScriptVariables variables)
        {
            if (call.Splatted || call.Positional.Count > 1 || !variables.ReadsFiles(call.Location)
                || call.Named.Exists(n => !IsPathParameter(n.Key) && !string.Equals(n.Key, "SkipLimitCheck", StringComparison.OrdinalIgnoreCase))) return null;
            if (!(FileRead(call, variables, "Path") is ImportedFile file)) return null;
            string text = file.Text;
            int i = NextToken(text, 0);
            if (i + 1 >= text.Length || text[i] != '@' || text[i + 1] != '{') return null;
            CodeValue table = ReadHashtable(text, ref i, (o, length) => call.Location, ScriptVariables.For(text));
            return table.Value is ScriptHashtable && NextToken(text, i) == text.Length ? new CodeValue(table.Value, true, call.Location) : null;
        }

        /// <summary>-Path, -LiteralPath (or a prefix of either) and their aliases PSPath and LP, as a file-reading command names its file.</summary>
        private static bool IsPathParameter(string name) =>
            (name.Length >= 2 && ("Path".StartsWith(name, StringComparison.OrdinalIgnoreCase) || "LiteralPath".StartsWith(name, StringComparison.OrdinalIgnoreCase)))
            || string.Equals(name, "PSPath", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "LP", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The variable a ConvertFrom-Json statement assigns and the settings it reads, where they come from a file the
        /// script writes out: $lab = Get-Content .\lab.json -Raw | ConvertFrom-Json (<paramref name="call"/> the end of
        /// the pipeline, its Get-Content the command before it in <paramref name="commands"/>), or $lab = ConvertFrom-Json
        /// (Get-Content .\lab.json -Raw), also as -InputObject; or from JSON the script writes itself (<see cref="InlineJson"/>),
        /// in AddScript text too. Null for anything else.
        /// </summary>
        private static (string Target, CodeValue Settings)? SettingsFile(CommandCall call, List<CommandCall> commands, string? assigned, ScriptVariables variables)
        {
            CommandCall? read = null;
            string? target = assigned;
            if (call.Piped)
            {
                CommandCall first = commands.Count > 0 ? commands[commands.Count - 1] : call;
                // -Depth, -AsHashtable and -NoEnumerate change nothing a member read sees.
                if (first.Piped || call.Get("InputObject") != null || call.Positional.Count > 0) return null;

                // JSON written in the script: $cfg = @' ... '@ | ConvertFrom-Json, or a variable that holds it.
                if (first.AssignedTo != null && InlineJson(first.Name, variables) is string json)
                {
                    return ImportedJson.Value(json, first.Location) is CodeValue inline ? (first.AssignedTo, inline) : ((string, CodeValue)?)null;
                }

                if (variables.Imported == null || !IsGetContent(first.Name)) return null;
                read = first;
                target = first.AssignedTo;
            }
            else if (variables.Imported != null && (call.Get("InputObject") ?? (call.Positional.Count == 1 && call.Named.Count == 0 ? call.Positional[0] : null)) is CodeValue input && variables.ReadsFiles(input.Location)
                && variables.FileAt(input.Location) is (string text, Func<int, int, Location> fileAt))
            {
                // The command in the parentheses, read from the text of the file where it is written (a script this one
                // dot-sources has its own).
                Microsoft.CodeAnalysis.Text.TextSpan span = input.Location.SourceSpan;
                string raw = text.Substring(span.Start, span.Length);
                int open = raw.IndexOf('('), close = raw.LastIndexOf(')');
                if (open < 0 || close <= open || raw.Substring(0, open).Trim().Length > 0 || raw.Substring(close + 1).Trim().Length > 0) return null;
                int from = span.Start + open + 1;
                List<CommandCall> inner = Parse(raw.Substring(open + 1, close - open - 1), (o, length) => fileAt(from + o, length), variables);
                if (inner.Count != 1 || !IsGetContent(inner[0].Name)) return null;
                read = inner[0];
            }

            if (read == null || target == null || read.Splatted || !variables.ReadsFiles(read.Location) || !(FileRead(read, variables, "Path") is ImportedFile file)) return null;
            return ImportedJson.Value(file.Text, read.Location) is CodeValue settings ? (target, settings) : ((string, CodeValue)?)null;
        }

        /// <summary>
        /// The text a pipeline's first element gives ConvertFrom-Json when it is written in the script: text in quotes, a
        /// here-string (@' ... '@ verbatim, @" ... "@ with its variables expanded) or a variable that holds text; null
        /// otherwise.
        /// </summary>
        private static string? InlineJson(string first, ScriptVariables variables)
        {
            if (HereString(first, 0, out int textStart, out int textEnd) == first.Length)
            {
                string text = first.Substring(textStart, textEnd - textStart);
                return first[1] == '\'' ? text : variables.Expand(text, quoted: true);
            }

            if (first.Length > 1 && (first[0] == '\'' || first[0] == '"'))
            {
                int end = 0;
                string? quoted = ReadQuoted(first, ref end, variables);
                return end == first.Length ? quoted : null;
            }

            return VariableName(first, 0, first.Length) is string name && variables.TryRead(name, out CodeValue? held) && held!.Value is string value ? value : null;
        }

        /// <summary>
        /// The file a command that reads one (Import-Csv, Get-Content) names with -LiteralPath (or its aliases PSPath and
        /// LP) or -Path, by name or by position among <paramref name="order"/>, written out (<see cref="JoinedPath"/>) and
        /// without wildcards for -Path; null when the command computes it or HvLint does not have the file.
        /// </summary>
        private static ImportedFile? FileRead(CommandCall call, ScriptVariables variables, params string[] order)
        {
            CodeValue? literal = call.Get("LiteralPath", "PSPath", "LP");
            CodeValue? path = literal ?? call.GetOrPositional("Path", order);
            string? written = path?.AsString ?? JoinedPath(path, variables);
            if (written == null || (literal == null && written.IndexOfAny(new[] { '*', '?', '[' }) >= 0)) return null;
            return variables.Imported?.Invoke(written);
        }

        private static bool IsImportCsv(string command) => Array.Exists(ImportCsvNames, n => string.Equals(n, command, StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// The rows an Import-Csv call reads (<see cref="ImportedCsv.Rows"/>), a list of tables: when the script is a file
        /// HvLint reads (not AddScript text), the path is written out ('.\vms.csv', "$PSScriptRoot\vms.csv", or
        /// (Join-Path $PSScriptRoot 'vms.csv')) without wildcards, and the file is one HvLint was given. Null otherwise,
        /// and for -UseCulture, whose delimiter is the culture's list separator: the rows are then unknown.
        /// </summary>
        private static CodeValue? ImportCsv(CommandCall call, ScriptVariables variables)
        {
            if (variables.Imported == null || call.Splatted || call.Get("UseCulture") != null || !variables.ReadsFiles(call.Location)) return null;
            char separator = ',';
            if (call.GetOrPositional("Delimiter", "Path", "Delimiter") is CodeValue delimiter)
            {
                if (!(delimiter.AsString is string d) || d.Length != 1) return null;
                separator = d[0];
            }

            IReadOnlyList<string>? header = null;
            if (call.Get("Header") is CodeValue h && (header = h.AsList) == null) return null;
            if (!(FileRead(call, variables, "Path", "Delimiter") is ImportedFile file)) return null;
            List<ScriptHashtable>? rows = ImportedCsv.Rows(file.Text, separator, header, MaxLoopItems + 1, call.Location);
            return rows == null ? null : new CodeValue(rows, true, call.Location);
        }

        /// <summary>
        /// The lines Get-Content reads from a text file (a list of VM names, one a line), as a list of text: as
        /// Import-Csv's path, the path is written out and the file is one HvLint was given. Every line counts, blank
        /// ones too, as Get-Content passes them on; a line break at the end of the file starts no line. -TotalCount (-First,
        /// -Head) and -Tail (-Last) with a number of one or more keep the first or the last lines. Null, so the lines are
        /// unknown, for any other parameter but the path and -Encoding (-Raw gives one text, -ReadCount other items), and
        /// for more lines than a loop is read for.
        /// </summary>
        private static CodeValue? ContentLines(CommandCall call, ScriptVariables variables)
        {
            if (variables.Imported == null || call.Splatted || call.Positional.Count > 1 || !variables.ReadsFiles(call.Location)) return null;
            long head = -1, tail = -1;
            foreach (KeyValuePair<string, CodeValue> named in call.Named)
            {
                bool first = (named.Key.Length >= 2 && "TotalCount".StartsWith(named.Key, StringComparison.OrdinalIgnoreCase))
                    || string.Equals(named.Key, "First", StringComparison.OrdinalIgnoreCase) || string.Equals(named.Key, "Head", StringComparison.OrdinalIgnoreCase);
                bool last = (named.Key.Length >= 2 && "Tail".StartsWith(named.Key, StringComparison.OrdinalIgnoreCase)) || string.Equals(named.Key, "Last", StringComparison.OrdinalIgnoreCase);
                if (first || last)
                {
                    // PowerShell refuses the two at once. -1 is all lines (TotalCount's default); what 0 gives is not
                    // documented, so it and any number below 1 leave the lines unknown.
                    if (!named.Value.TryLong(out long n) || n < 1 || head >= 0 || tail >= 0) return null;
                    if (first) head = n;
                    else tail = n;
                    continue;
                }

                if (!IsPathParameter(named.Key) && !(named.Key.Length >= 3 && "Encoding".StartsWith(named.Key, StringComparison.OrdinalIgnoreCase))) return null;
            }

            if (!(FileRead(call, variables, "Path") is ImportedFile file)) return null;
            var lines = new List<string>();
            string text = file.Text;
            for (int start = 0; start < text.Length;)
            {
                int end = text.IndexOfAny(LineBreaks, start);
                if (end < 0) end = text.Length;
                lines.Add(text.Substring(start, end - start));
                if (lines.Count == head) break;
                if (lines.Count > MaxLoopItems && tail < 0) return null;
                start = end < text.Length && text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
            }

            if (tail >= 0 && lines.Count > tail) lines.RemoveRange(0, lines.Count - (int)tail);
            return lines.Count > MaxLoopItems ? null : new CodeValue(lines, true, call.Location);
        }

        /// <summary>
        /// The variables a module's own statements fix ($LabSwitch = 'Lab', $script:Cpus = 4, each written once in the
        /// module), which its functions read wherever they are called, read once; for a script the module dot-sources,
        /// the module's. The scripts the module dot-sources run in its scope, and the files it reads are relative to its
        /// own folder: <paramref name="script"/>, the script that imports it, has them.
        /// </summary>
        internal static IReadOnlyDictionary<string, CodeValue> ModuleVariables(ImportedFile module, ScriptVariables script)
        {
            if (module.ModuleScope != null && module.ModuleScope != module) return ModuleVariables(module.ModuleScope, script);
            if (module.Variables != null) return module.Variables;
            ScriptVariables own = ScriptVariables.For(module.Text);
            script.ReadAsModule(own, module);
            Parse(module.Text, module.At, own);
            return module.Variables = own.Constants();
        }

        /// <summary>
        /// The path a statement that dot-sources a script or imports a module names (. .\LabFunctions.ps1, Import-Module
        /// -Name "$PSScriptRoot\LabTools.psm1"), written out as Import-Csv's path is; null when the statement computes it.
        /// </summary>
        internal static string? SourcedPath(string statement, string scriptRoot = ".")
        {
            ScriptVariables variables = ScriptVariables.For(statement);
            variables.InImportPath = true;
            variables.ScriptRoot = scriptRoot;
            List<CommandCall> read = Parse(statement, (o, length) => Location.Create(string.Empty, new Microsoft.CodeAnalysis.Text.TextSpan(o, length), default), variables);
            if (read.Count == 0) return null;
            CodeValue? path = read[0].Name == "." ? (read[0].Positional.Count > 0 ? read[0].Positional[0] : null) : read[0].GetOrPositional("Name", "Name");
            return path?.AsString ?? JoinedPath(path, variables);
        }

        /// <summary>
        /// The files the Get-ChildItem commands of <paramref name="s"/> list (Get-ChildItem "$PSScriptRoot\Public\*.ps1",
        /// gci $PSScriptRoot\Private -Filter *.ps1 -Recurse), each as a pattern relative to the script's folder: the folder,
        /// "/**/" for -Recurse, the name's pattern, and "|!" before an -Exclude pattern
        /// (<see cref="PowerShellScriptFileAnalyzer.MatchesListing"/>). A listing whose path the text computes is not in it.
        /// </summary>
        /// <param name="scriptRoot">$PSScriptRoot of the file <paramref name="s"/> is, from the script's folder.</param>
        internal static IEnumerable<string> ListedPaths(string s, string scriptRoot)
        {
            for (int i = 0; i < s.Length;)
            {
                if (SkipStringOrComment(s, ref i)) continue;
                if (!ListingCommands.Any(name => Keyword(s, i, name)))
                {
                    i++;
                    continue;
                }

                // The command ends at a pipe, a statement's end or the parenthesis around it: @(Get-ChildItem -Path ...).
                int end = i, depth = 0;
                while (end < s.Length)
                {
                    if (SkipStringOrComment(s, ref end)) continue;
                    char c = s[end];
                    if (c == '(') depth++;
                    else if (c == ')' && depth-- == 0) break;
                    else if (depth == 0 && (c == '|' || c == ';' || c == '\n' || c == '\r' || c == '}')) break;
                    end++;
                }

                if (ListedPath(s.Substring(i, end - i), scriptRoot) is string pattern) yield return pattern;
                i = end;
            }
        }

        private static readonly string[] ListingCommands = { "Get-ChildItem", "gci", "dir", "ls" };

        private static string? ListedPath(string command, string scriptRoot)
        {
            ScriptVariables variables = ScriptVariables.For(command);
            variables.InImportPath = true;
            variables.ScriptRoot = scriptRoot;
            List<CommandCall> read = Parse(command, (o, length) => Location.Create(string.Empty, new Microsoft.CodeAnalysis.Text.TextSpan(o, length), default), variables);
            if (read.Count == 0 || read[0].Splatted || !ListingCommands.Contains(read[0].Name, StringComparer.OrdinalIgnoreCase)) return null;
            CommandCall call = read[0];
            // No path: the folder the script runs from, taken to be its own. A path HvLint cannot read is no listing of its.
            CodeValue? given = call.GetOrPositional("Path", "Path", "Filter") ?? call.Get("LiteralPath", "PSPath", "LP");
            string? path = given == null ? "." : given.AsString;
            CodeValue? filterGiven = call.GetOrPositional("Filter", "Path", "Filter") ?? call.Get("Include");
            string? filter = filterGiven?.AsString, exclude = call.Get("Exclude")?.AsString;
            if (path == null || (filterGiven != null && filter == null) || (call.Get("Exclude") != null && exclude == null)) return null;
            path = path.Replace('\\', '/').TrimEnd('/');
            int slash = path.LastIndexOf('/');
            string leaf = slash < 0 ? path : path.Substring(slash + 1);
            string folder = leaf.IndexOfAny(new[] { '*', '?' }) >= 0 ? (slash < 0 ? "." : path.Substring(0, slash)) : path;
            // -Include narrows the contents of an item only: without -Recurse, of a path that ends in a wildcard (Get-ChildItem's
            // help); Get-ChildItem .\Public -Include *.ps1 lists nothing.
            if (call.Get("Include") != null && call.Get("Recurse") == null && folder == path) return null;
            string name = filter ?? (folder == path ? "*" : leaf);
            return folder + (call.Get("Recurse") != null ? "/**/" : "/") + name + (exclude != null ? "|!" + exclude : string.Empty);
        }

        /// <summary>
        /// The path (Join-Path $PSScriptRoot 'vms.csv') gives, read from the script's text where <paramref name="path"/>
        /// was written; null for any other value.
        /// </summary>
        private static string? JoinedPath(CodeValue? path, ScriptVariables variables)
        {
            // A script file's values are at their spans in the text of the file that has them: the script's, or one it
            // dot-sources or imports (AddScript text, in C#, reads no files).
            if (path == null || !variables.ReadsFiles(path.Location) || !(variables.FileAt(path.Location) is (string text, _))) return null;
            Microsoft.CodeAnalysis.Text.TextSpan span = path.Location.SourceSpan;
            string raw = text.Substring(span.Start, span.Length).Trim();
            if (raw.Length < 3 || raw[0] != '(' || raw[raw.Length - 1] != ')') return null;
            bool inImportPath = variables.InImportPath;
            variables.InImportPath = true;
            List<CommandCall> joined = Parse(raw.Substring(1, raw.Length - 2), (o, length) => path.Location, variables);
            variables.InImportPath = inImportPath;
            return joined.Count == 1 ? Joined(joined[0]) : null;
        }

        /// <summary>
        /// What Join-Path gives for a call with only a -Path and a -ChildPath (by name or by position) of known text: the two
        /// joined by one backslash, as Windows PowerShell and PowerShell on Windows, where Hyper-V runs, join them. Null
        /// for any other call, and where a parameter may change that (-Resolve, -AdditionalChildPath, a splat).
        /// </summary>
        private static string? Joined(CommandCall call)
        {
            if (!string.Equals(call.Name, "Join-Path", StringComparison.OrdinalIgnoreCase) || call.Positional.Count > 2 || call.Splatted) return null;
            foreach (KeyValuePair<string, CodeValue> p in call.Named)
            {
                if (call.Get("Path") != p.Value && call.Get("ChildPath") != p.Value) return null;
            }

            string? parent = call.GetOrPositional("Path", "Path", "ChildPath")?.AsString, child = call.GetOrPositional("ChildPath", "Path", "ChildPath")?.AsString;
            return parent == null || child == null ? null : parent.TrimEnd('\\', '/') + "\\" + child.TrimStart('\\', '/');
        }

        /// <summary>What a loop over a value goes through: its strings, or its tables (@( @{ ... }, @{ ... } )).</summary>
        private static IReadOnlyList<object>? LoopItems(CodeValue value) => value.IsKnown && value.Value is List<ScriptHashtable> tables ? tables : value.AsList;

        /// <summary>The '}' that closes the '{' at <paramref name="open"/>, past strings and comments; -1 when there is none.</summary>
        private static int ClosingBrace(string s, int open)
        {
            int depth = 0;
            for (int i = open; i < s.Length;)
            {
                if (SkipStringOrComment(s, ref i)) continue;
                char c = s[i];
                if (c == '{') depth++;
                else if (c == '}' && --depth == 0) return i;
                i++;
            }

            return -1;
        }

        /// <summary>
        /// The blocks of <paramref name="s"/> that may run more than once, or elsewhere than where they are written, as
        /// (open, close) pairs: every '{ }' but the blocks of if, elseif, else, try, catch and finally, which run at most
        /// once where they are, a switch statement's body and its clauses' blocks and labels, and tables written @{ }. A
        /// loop's body, a function's and a script block given to a command are such blocks. An unclosed one runs to the end
        /// of the text.
        /// </summary>
        /// <remarks>
        /// A switch's clause runs once for each item of a list it is given: where the reading finds the value to be one
        /// item, its clauses are read as branches; for a list, once for each item apart (as a loop's runs are); where it
        /// cannot tell (a label that sets a key is such a case), the keys the body sets are unknown from the switch on
        /// (<see cref="ScriptVariables.Unsettle"/>).
        /// </remarks>
        internal static List<(int Open, int Close)> RepeatingBlocks(string s)
        {
            var blocks = new List<(int Open, int Close)>();
            var open = new List<(int At, bool Repeats, bool SwitchBody)>();
            var branches = new HashSet<int>();
            var switchBodies = new HashSet<int>();
            for (int i = 0; i < s.Length;)
            {
                if (SkipStringOrComment(s, ref i)) continue;
                char c = s[i];
                if (char.IsLetter(c) && (i == 0 || !(char.IsLetterOrDigit(s[i - 1]) || s[i - 1] == '_' || s[i - 1] == '-' || s[i - 1] == '$' || s[i - 1] == '.')))
                {
                    int start = i;
                    while (i < s.Length && char.IsLetter(s[i])) i++;
                    if (BranchBlockAfter(s, start, i) is int brace) branches.Add(brace);
                    else if (SwitchBodyAfter(s, start, i) is int body) switchBodies.Add(body);
                    continue;
                }

                if (c == '{')
                {
                    // Directly in a switch's body: a clause's block or a script block label, each run once for each item.
                    bool inSwitch = open.Count > 0 && open[open.Count - 1].SwitchBody;
                    bool switchBody = switchBodies.Contains(i);
                    open.Add((i, !branches.Contains(i) && !switchBody && !inSwitch && !(i > 0 && s[i - 1] == '@'), switchBody));
                }
                else if (c == '}' && open.Count > 0)
                {
                    if (open[open.Count - 1].Repeats) blocks.Add((open[open.Count - 1].At, i));
                    open.RemoveAt(open.Count - 1);
                }

                i++;
            }

            foreach ((int at, bool repeats, _) in open)
            {
                if (repeats) blocks.Add((at, s.Length));
            }

            return blocks;
        }

        /// <summary>
        /// The '{' of the block the keyword between <paramref name="start"/> and <paramref name="end"/> opens when it is
        /// if or elseif (after its condition), else, try, catch (after its exception types) or finally; null otherwise.
        /// </summary>
        private static int? BranchBlockAfter(string s, int start, int end)
        {
            string? word = Array.Find(BranchKeywords, k => k.Length == end - start && string.Compare(s, start, k, 0, k.Length, StringComparison.OrdinalIgnoreCase) == 0);
            if (word == null) return null;
            int next = NextToken(s, end);
            switch (word)
            {
                case "if":
                case "elseif":
                    if (next >= s.Length || s[next] != '(') return null;
                    next = NextToken(s, Closing(s, next, '(', ')'));
                    break;
                case "catch":
                    while (next < s.Length && (s[next] == '[' || s[next] == ','))
                    {
                        next = s[next] == ',' ? NextToken(s, next + 1) : NextToken(s, Closing(s, next, '[', ']'));
                    }

                    break;
                case "else":
                case "try":
                case "finally":
                    break;
                default:
                    return null;
            }

            return next < s.Length && s[next] == '{' ? next : (int?)null;
        }

        private static readonly string[] BranchKeywords = { "if", "elseif", "else", "try", "catch", "finally" };

        /// <summary>
        /// The '{' of the body of the switch statement whose keyword is between <paramref name="start"/> and
        /// <paramref name="end"/>, as <see cref="Clauses"/> reads one: options it knows, the value in '( )', then the body;
        /// null otherwise (-File and any other option too, whose clauses are read as repeating).
        /// </summary>
        private static int? SwitchBodyAfter(string s, int start, int end)
        {
            if (end - start != 6 || string.Compare(s, start, "switch", 0, 6, StringComparison.OrdinalIgnoreCase) != 0) return null;
            int j = SwitchValue(s, Blanks(s, end), out _, out _);
            if (j < 0) return null;
            int open = NextToken(s, Closing(s, j, '(', ')'));
            return open < s.Length && s[open] == '{' ? open : (int?)null;
        }

        /// <summary>
        /// Past a switch's options at <paramref name="j"/> (-Wildcard, -Regex, -Exact, -CaseSensitive): the '(' of its
        /// value; -1 for any other option (-File reads a file's lines, -Parallel is a workflow's) or no '('.
        /// </summary>
        private static int SwitchValue(string s, int j, out ScriptCondition.SwitchMode mode, out bool caseSensitive)
        {
            mode = ScriptCondition.SwitchMode.Equal;
            caseSensitive = false;
            while (j + 1 < s.Length && s[j] == '-' && char.IsLetter(s[j + 1]))
            {
                int start = ++j;
                while (j < s.Length && char.IsLetter(s[j])) j++;
                string option = s.Substring(start, j - start);
                if (string.Equals(option, "Wildcard", StringComparison.OrdinalIgnoreCase)) mode = ScriptCondition.SwitchMode.Wildcard;
                else if (string.Equals(option, "Regex", StringComparison.OrdinalIgnoreCase)) mode = ScriptCondition.SwitchMode.Regex;
                else if (string.Equals(option, "Exact", StringComparison.OrdinalIgnoreCase)) mode = ScriptCondition.SwitchMode.Equal;
                else if (string.Equals(option, "CaseSensitive", StringComparison.OrdinalIgnoreCase)) caseSensitive = true;
                else return -1;
                j = Blanks(s, j);
            }

            return j < s.Length && s[j] == '(' ? j : -1;
        }

        /// <summary>
        /// The '{' of the innermost of <paramref name="blocks"/> (<see cref="RepeatingBlocks"/>) that holds
        /// <paramref name="i"/>; -1 for none, the text's own level.
        /// </summary>
        internal static int RepeatingBlockOf(List<(int Open, int Close)> blocks, int i)
        {
            int innermost = -1;
            foreach ((int open, int close) in blocks)
            {
                if (open < i && i < close && open > innermost) innermost = open;
            }

            return innermost;
        }

        /// <summary>
        /// Moves past the quoted string (a backtick escapes in "..."), block comment or line comment at
        /// <paramref name="i"/> and returns true; false, leaving <paramref name="i"/>, for anything else. A '#' starts a
        /// comment after a blank or a separator, not inside a word. The one reading of these for every scan of the text
        /// that skips them (loop blocks, array expressions, the variables' writes).
        /// </summary>
        internal static bool SkipStringOrComment(string s, ref int i)
        {
            char c = s[i];
            if (c == '\'' || c == '"')
            {
                i = StringEnd(s, i);
                return true;
            }

            if (c == '@' && HereString(s, i, out _, out _) is int end && end >= 0)
            {
                i = end;
                return true;
            }

            if (SkipBlockComment(s, ref i)) return true;
            if (c != '#' || !(i == 0 || char.IsWhiteSpace(s[i - 1]) || ";{}(".IndexOf(s[i - 1]) >= 0)) return false;
            while (i < s.Length && s[i] != '\n' && s[i] != '\r') i++;
            return true;
        }

        /// <summary>
        /// A here-string at <paramref name="i"/>: @" or @' with nothing but blanks after it on its line, its text the lines
        /// up to one that starts with "@ or '@ (quotes inside need no escape, so a command written in its text is text).
        /// Returns where it ends, after the closing "@ (the script's end when nothing closes it), with where its text
        /// starts and ends; -1 when no here-string starts there.
        /// </summary>
        internal static int HereString(string s, int i, out int textStart, out int textEnd)
        {
            textStart = textEnd = i;
            if (i + 1 >= s.Length || s[i] != '@' || (s[i + 1] != '"' && s[i + 1] != '\'')) return -1;
            char quote = s[i + 1];
            int j = Blanks(s, i + 2);
            if (j < s.Length && s[j] == '\r') j++;
            if (j >= s.Length || s[j] != '\n') return -1;
            textStart = j + 1;
            for (int line = textStart; line < s.Length;)
            {
                if (s[line] == quote && line + 1 < s.Length && s[line + 1] == '@')
                {
                    // The line break before the closing line is not part of the text.
                    textEnd = line > textStart ? line - 1 : textStart;
                    if (textEnd > textStart && s[textEnd - 1] == '\r') textEnd--;
                    return line + 2;
                }

                int next = s.IndexOf('\n', line);
                if (next < 0) break;
                line = next + 1;
            }

            textEnd = s.Length;
            return s.Length;
        }

        /// <summary>The script's comments (# to the end of the line, and &lt;# ... #&gt;): where each starts, and its text inside the markers.</summary>
        internal static IEnumerable<KeyValuePair<int, string>> Comments(string s)
        {
            for (int i = 0; i < s.Length;)
            {
                int start = i;
                bool block = i + 1 < s.Length && s[i] == '<' && s[i + 1] == '#';
                bool line = s[i] == '#' && (i == 0 || char.IsWhiteSpace(s[i - 1]) || ";{}(".IndexOf(s[i - 1]) >= 0);
                if (!SkipStringOrComment(s, ref i))
                {
                    i++;
                    continue;
                }

                bool closed = i >= start + 4 && s[i - 2] == '#' && s[i - 1] == '>';
                if (block) yield return new KeyValuePair<int, string>(start, s.Substring(start + 2, i - start - 2 - (closed ? 2 : 0)));
                else if (line) yield return new KeyValuePair<int, string>(start, s.Substring(start + 1, i - start - 1));
            }
        }

        /// <summary>
        /// The statement after the comment that starts at <paramref name="comment"/>: from its first character (past
        /// blank lines and other comments) to the end of its last line, which a line ending in a backtick or a '|'
        /// continues; null when no statement follows.
        /// </summary>
        internal static (int Start, int End)? NextStatement(string s, int comment)
        {
            int i = comment;
            if (!SkipStringOrComment(s, ref i)) return null;
            while (true)
            {
                while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
                if (i >= s.Length) return null;
                bool another = s[i] == '#' || (s[i] == '<' && i + 1 < s.Length && s[i + 1] == '#');
                if (!another || !SkipStringOrComment(s, ref i)) break;
            }

            int start = i;
            while (true)
            {
                int lineEnd = s.IndexOf('\n', i);
                if (lineEnd < 0) return (start, s.Length);
                int last = lineEnd - 1;
                while (last >= i && char.IsWhiteSpace(s[last])) last--;
                if (last < i || (s[last] != '`' && s[last] != '|')) return (start, lineEnd);
                i = lineEnd + 1;
            }
        }

        /// <summary>Where the quoted string at <paramref name="i"/> ends: after its closing quote, or at the end.</summary>
        internal static int StringEnd(string s, int i) => Math.Min(s.Length, StringClose(s, i) + 1);

        /// <summary>
        /// The closing quote of the string at <paramref name="i"/>, or the script's length for one never closed. A quote
        /// written twice ('O''Brien', "say ""hi""") is one quote in the string, and in "..." a backtick escapes the next
        /// character (`").
        /// </summary>
        private static int StringClose(string s, int i)
        {
            char quote = s[i];
            int j = i + 1;
            while (j < s.Length)
            {
                if (s[j] == quote)
                {
                    if (j + 1 < s.Length && s[j + 1] == quote)
                    {
                        j += 2;
                        continue;
                    }

                    return j;
                }

                j += quote == '"' && s[j] == '`' ? 2 : 1;
            }

            return s.Length;
        }

        /// <summary>
        /// The value of the quoted string at <paramref name="i"/>, whose end <paramref name="i"/> moves to: '...' is
        /// verbatim but for '' (one quote); "..." has its escapes and its constant variables expanded, and is null
        /// (unknown) when a variable in it is not a constant or a subexpression $( ) runs code.
        /// </summary>
        private static string? ReadQuoted(string s, ref int i, ScriptVariables variables)
        {
            char quote = s[i];
            int close = StringClose(s, i);
            string text = s.Substring(i + 1, close - i - 1);
            i = Math.Min(s.Length, close + 1);
            // A hole of the C# text inside '...' is the value C# put there, which HvLint does not know.
            if (quote == '\'' && text.IndexOf("$" + HolePrefix, StringComparison.Ordinal) >= 0) return null;
            return quote == '\'' ? text.Replace("''", "'") : variables.Expand(text, quoted: true);
        }

        private static int Blanks(string s, int i)
        {
            while (i < s.Length && (s[i] == ' ' || s[i] == '\t')) i++;
            return i;
        }

        /// <summary>
        /// Whether a literal value starts at <paramref name="i"/> (a quoted string, a number such as 8 or 4GB, an array
        /// @( ), a hashtable @{ }, $true or $false), which the right side of an assignment reads as a value, not a command.
        /// </summary>
        private static bool StartsLiteral(string s, int i)
        {
            char c = s[i];
            if (c == '\'' || c == '"' || char.IsDigit(c)) return true;
            if (i + 1 < s.Length && ((c == '@' && (s[i + 1] == '(' || s[i + 1] == '{' || s[i + 1] == '"' || s[i + 1] == '\'')) || (c == '-' && char.IsDigit(s[i + 1])))) return true;
            return TruthWord(s, i, s.Length) > 0;
        }

        /// <summary>The length of $true or $false written at <paramref name="i"/> as a whole word before <paramref name="end"/>; 0 otherwise.</summary>
        private static int TruthWord(string s, int i, int end)
        {
            foreach (string word in TruthWords)
            {
                if (i + word.Length <= end && string.Compare(s, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0 && (i + word.Length == end || !IsNameChar(s[i + word.Length]))) return word.Length;
            }

            return 0;
        }

        private static readonly string[] TruthWords = { "$true", "$false" };

        /// <summary>The name of the variable that is the whole of s[start..end) ($vm, $env:Name); null for anything else.</summary>
        private static string? VariableName(string s, int start, int end)
        {
            if (end - start < 2 || s[start] != '$') return null;
            for (int k = start + 1; k < end; k++)
            {
                if (!IsNameChar(s[k])) return null;
            }

            return s.Substring(start + 1, end - start - 1);
        }

        /// <summary>A character of a variable's name ($vm, $env:Name, @settings).</summary>
        private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == ':';

        /// <summary>
        /// A block comment (&lt;# ... #&gt;, which may span lines) at <paramref name="i"/>: moves past it and returns true.
        /// An unclosed one runs to the end of the script, as PowerShell reads it.
        /// </summary>
        private static bool SkipBlockComment(string s, ref int i)
        {
            if (i + 1 >= s.Length || s[i] != '<' || s[i + 1] != '#') return false;
            int close = s.IndexOf("#>", i + 2, StringComparison.Ordinal);
            i = close < 0 ? s.Length : close + 2;
            return true;
        }

        /// <summary>Past blanks, comments and the separators <paramref name="separators"/> from <paramref name="i"/>.</summary>
        private static int NextItem(string s, int i, string separators)
        {
            for (i = NextToken(s, i); i < s.Length && separators.IndexOf(s[i]) >= 0; i = NextToken(s, i + 1))
            {
            }

            return i;
        }

        private static CodeValue ReadValue(string s, ref int i, Func<int, int, Location> at, ScriptVariables variables)
        {
            int start = i;
            List<string>? items = null; // an array's items; most values are a single word
            List<ScriptHashtable>? tables = null; // or an array of tables
            string? single = null;
            bool known = true;
            bool array = false;
            if (s.Length > i + 1 && s[i] == '@' && s[i + 1] == '{')
            {
                return ReadHashtable(s, ref i, at, variables);
            }

            if (s.Length > i + 1 && s[i] == '@' && s[i + 1] == '(')
            {
                array = true;
                items = new List<string>();
                i += 2;
                bool closed = false;
                while (i < s.Length && s[i] != ')')
                {
                    // Items are separated by commas, line breaks or ';' (@('CD'; 'IDE') is an array of two), with comments between them.
                    i = NextItem(s, i, ",;");
                    if (i >= s.Length || s[i] == ')') break;
                    int before = i;

                    // A table of settings per VM (@( @{ Name = 'dc01'; Cpu = 2 } ... ), also [PSCustomObject]@{ ... }), which a
                    // loop goes through: read as a splat's table is.
                    int table = TableStart(s, i);
                    if (table >= 0)
                    {
                        i = table;
                        CodeValue read = ReadHashtable(s, ref i, at, variables);
                        if (read.Value is ScriptHashtable entries)
                        {
                            // [PSCustomObject]@{ } makes an object, [ordered]@{ } an OrderedDictionary (no ContainsKey):
                            // neither is read as a hashtable.
                            entries.IsHashtable = table == before;
                            (tables ??= new List<ScriptHashtable>()).Add(entries);
                        }
                        else
                        {
                            known = false;
                        }

                        continue;
                    }

                    string? item = ReadAtom(s, ref i, stopAtParen: true, variables);
                    if (i == before)
                    {
                        // A script block or a pipeline inside the array ({, }, |): an expression, read past unknown. Before,
                        // the loop read an empty item there for ever.
                        known = false;
                        SkipPastClosingParen(s, ref i);
                        closed = true;
                        break;
                    }

                    if (item == null) known = false;
                    else items.Add(item);
                }

                if (!closed && i < s.Length) i++; // the ')'
                if (tables != null && items.Count > 0) known = false; // tables and strings mixed: not a list a loop reads
            }
            else
            {
                while (true)
                {
                    string? item = ReadAtom(s, ref i, stopAtParen: false, variables);
                    if (item == null) known = false;
                    else if (single == null && items == null) single = item;
                    else (items ??= new List<string> { single! }).Add(item);
                    if (i < s.Length && s[i] == ',')
                    {
                        array = true;
                        i++;
                        while (i < s.Length && (s[i] == ' ' || s[i] == '\t')) i++;
                        continue;
                    }

                    break;
                }
            }

            Location location = at(start, Math.Max(1, i - start));
            if (!known)
            {
                // A plain variable ($cpus) has the literal value the script gave it, if it is a constant; otherwise it is
                // unknown, but the model may know the VM a command bound to it ($vm = New-VM ...).
                string? name = array ? null : VariableName(s, start, i);
                if (name != null && variables.TryRead(name, out CodeValue? constant)) return new CodeValue(constant!.Value, true, location) { Variable = name };

                // $vm.Cpu, where $vm holds a table (a loop over a list of them): that entry's value; $sizes[$name] too.
                if (!array && name == null && (Member(s, start, i, variables) ?? Index(s, start, i, variables)) is CodeValue entry) return new CodeValue(entry.Value, true, location);

                // ([int]$vm.Cpu), ([int64]$cpus): the number a cast makes of a value the script fixes (Import-Csv gives text).
                if (!array && name == null && Cast(s, start, i, variables) is long number) return new CodeValue(number, true, location);

                // $vm.Name.ToUpper(), $name.Trim(): what a method of text gives, where the script fixes the text.
                if (!array && name == null && i > start + 1 && s[start] == '$' && s[i - 1] == ')' && Expression(s, start, i, variables, out _) is object computed)
                {
                    return new CodeValue(computed, true, location);
                }

                // "$Name" in double quotes is the parameter's text: the same symbol.
                string? quoted = !array && i - start > 3 && s[start] == '"' && s[i - 1] == '"' ? VariableName(s, start + 1, i - 1) : null;
                string? symbol = name != null ? variables.SymbolOf(name) : quoted != null ? variables.SymbolOf(quoted) : null;
                return new CodeValue(null, false, location) { Variable = name, Symbol = symbol };
            }
            if (tables != null) return new CodeValue(tables, true, location);
            if (array) return new CodeValue(items ?? (single != null ? new List<string> { single } : new List<string>()), true, location);
            single ??= string.Empty;
            if (string.Equals(single, "$true", StringComparison.OrdinalIgnoreCase)) return new CodeValue(true, true, location);
            if (string.Equals(single, "$false", StringComparison.OrdinalIgnoreCase)) return new CodeValue(false, true, location);

            // A number written in the script (8, Generation = 1) is one, where text in quotes or a CSV's field is text: 0 is
            // false and '0' true. One written otherwise (01, 4GB, 0x10) stays text: a string parameter gets it as written
            // (New-Item -Name 007 makes 007), which is all a value's text is used for here.
            if (char.IsDigit(s[start]) && TryNumber(single, out long written) && written.ToString(CultureInfo.InvariantCulture) == single) return new CodeValue(written, true, location);
            return new CodeValue(single, true, location);
        }

        /// <summary>Where the table [ordered]@{ ... } at <paramref name="i"/> (its '[') opens, its '@'; null for anything else.</summary>
        internal static int? OrderedTable(string s, int i)
        {
            int table = TableStart(s, i);
            return table > i && string.Compare(s, i, "[ordered]", 0, 9, StringComparison.OrdinalIgnoreCase) == 0 ? table : (int?)null;
        }

        /// <summary>Where the table at <paramref name="i"/> opens (its '@'), past a [PSCustomObject] or [ordered] before it; -1 for no table.</summary>
        private static int TableStart(string s, int i)
        {
            if (i < s.Length && s[i] == '[')
            {
                int close = s.IndexOf(']', i);
                if (close < 0) return -1;
                string cast = s.Substring(i + 1, close - i - 1).Trim();
                if (!string.Equals(cast, "PSCustomObject", StringComparison.OrdinalIgnoreCase) && !string.Equals(cast, "ordered", StringComparison.OrdinalIgnoreCase)) return -1;
                i = Blanks(s, close + 1);
            }

            return i + 1 < s.Length && s[i] == '@' && s[i + 1] == '{' ? i : -1;
        }

        /// <summary>The range of the integer type a cast names ([int], [int32], [long], [int64], also System.-qualified); false for any other type.</summary>
        internal static bool IntegerType(string type, out long min, out long max)
        {
            type = type.Trim();
            if (type.StartsWith("System.", StringComparison.OrdinalIgnoreCase)) type = type.Substring(7);
            (min, max) = (0, 0);
            if (string.Equals(type, "int", StringComparison.OrdinalIgnoreCase) || string.Equals(type, "int32", StringComparison.OrdinalIgnoreCase)) (min, max) = (int.MinValue, int.MaxValue);
            else if (string.Equals(type, "long", StringComparison.OrdinalIgnoreCase) || string.Equals(type, "int64", StringComparison.OrdinalIgnoreCase)) (min, max) = (long.MinValue, long.MaxValue);
            else return false;
            return true;
        }

        /// <summary>
        /// The number a cast to an integer type makes of a value the script fixes: ([int]$vm.Cpu), ([int64]$size) or
        /// ([long]$n) (s[start..end)), as PowerShell converts text (a size such as 4GB included). In parentheses only: a
        /// command's bare argument [int]$x is the text "[int]8", which no integer parameter takes. Null for another type,
        /// a value the script does not fix, text that is no number, or a number the type cannot hold.
        /// </summary>
        private static long? Cast(string s, int start, int end, ScriptVariables variables)
        {
            bool parenthesised = false;
            while (end - start > 2 && s[start] == '(' && s[end - 1] == ')')
            {
                start++;
                end--;
                parenthesised = true;
            }

            if (!parenthesised || end - start < 4 || s[start] != '[') return null;
            int close = s.IndexOf(']', start, end - start);
            if (close < 0 || close + 1 >= end || s[close + 1] != '$') return null;
            if (!IntegerType(s.Substring(start + 1, close - start - 1), out long min, out long max)) return null;
            CodeValue? value = VariableName(s, close + 1, end) is string name ? (variables.TryRead(name, out CodeValue? held) ? held : null) : Member(s, close + 1, end, variables);
            return value != null && value.TryLong(out long n) && n >= min && n <= max ? n : (long?)null;
        }

        /// <summary>
        /// The known value of the entry $table.Name (s[start..end)) names, when $table holds a table that has it, and so on
        /// down tables in tables ($lab.Defaults.Switch); a table's .Keys, and its .GetEnumerator() (or .GetEnumerator, as
        /// a loop's items are written before the parentheses), the entries, each a table of its Key and Value; null
        /// otherwise.
        /// </summary>
        private static CodeValue? Member(string s, int start, int end, ScriptVariables variables) => Member(s, start, end, variables, out _);

        /// <param name="lacks">
        /// Whether a complete table on the way lacks the member (<see cref="ScriptHashtable.Complete"/>), so that PowerShell
        /// reads $null there outside strict mode: a name, not a method or another member every object has.
        /// </param>
        private static CodeValue? Member(string s, int start, int end, ScriptVariables variables, out bool lacks)
        {
            lacks = false;
            int dot = s.IndexOf('.', start, end - start);
            int open = s.IndexOf('[', start, end - start);
            CodeValue? held;
            if (open >= 0 && (dot < 0 || open < dot))
            {
                // $lab[$name].Cpu, $lab['dc01'].Cpu: the members of the entry a key the script fixes names.
                int close = s.IndexOf(']', open);
                if (close < 0 || close + 1 >= end || s[close + 1] != '.' || !(IndexedTable(s, start, close + 1, variables, out string? key) is ScriptHashtable indexed)) return null;
                dot = close + 1;
                held = Entry(indexed, key!);
            }
            else if (dot < 0 || VariableName(s, start, dot) is not string table || !variables.TryRead(table, out held))
            {
                return null;
            }

            CodeValue? value = held;
            foreach (string member in s.Substring(dot + 1, end - dot - 1).Split('.'))
            {
                if (value?.Value is ScriptHashtable { Complete: true } complete && !Has(complete, member) && IsPlainName(member) && !ObjectMembers.Contains(member))
                {
                    // $vm.Pxe.Mode, when $vm has no Pxe, is $null's member: $null too.
                    lacks = true;
                    return null;
                }

                value = value?.Value is ScriptHashtable entries ? Entry(entries, member) ?? Enumerated(entries, member, value.Location) : null;
            }

            return value;
        }

        // Members a hashtable or any object has whatever its keys or properties (Hashtable's properties and methods, a
        // method being named without its parentheses as a loop's items are, and those PowerShell gives every object): a
        // table that lacks such a name does not read $null there.
        private static readonly HashSet<string> ObjectMembers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Count", "Length", "Keys", "Values", "IsReadOnly", "IsFixedSize", "IsSynchronized", "SyncRoot", "Comparer", "EqualityComparer", "hcp",
            "GetEnumerator", "ContainsKey", "ContainsValue", "Contains", "Add", "Remove", "Clear", "Clone", "CopyTo", "GetObjectData", "OnDeserialization",
            "ToString", "GetType", "Equals", "GetHashCode",
            "PSObject", "PSBase", "PSAdapted", "PSExtended", "PSTypeNames",
        };

        private static bool Has(ScriptHashtable entries, string name) => entries.Exists(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase));

        private static bool IsPlainName(string member) => member.Length > 0 && member.All(c => char.IsLetterOrDigit(c) || c == '_');

        /// <summary>
        /// A table's keys (.Keys) or its entries as Key and Value tables (.GetEnumerator()); null for any other member.
        /// Import-Csv's rows and ConvertFrom-Json's objects are tables here too, though PowerShell gives them no Keys.
        /// </summary>
        private static CodeValue? Enumerated(ScriptHashtable entries, string member, Location location)
        {
            if (string.Equals(member, "Keys", StringComparison.OrdinalIgnoreCase)) return new CodeValue(entries.Select(e => e.Key).ToList(), true, location);
            if (!string.Equals(member, "GetEnumerator()", StringComparison.OrdinalIgnoreCase) && !string.Equals(member, "GetEnumerator", StringComparison.OrdinalIgnoreCase)) return null;
            var pairs = new List<ScriptHashtable>();
            foreach (KeyValuePair<string, CodeValue> e in entries)
            {
                pairs.Add(new ScriptHashtable { new KeyValuePair<string, CodeValue>("Key", new CodeValue(e.Key, true, location)), new KeyValuePair<string, CodeValue>("Value", e.Value) });
            }

            return new CodeValue(pairs, true, location);
        }

        /// <summary>
        /// The known value of $table[key] (s[start..end)), the key a variable the script fixes or a quoted string; null
        /// otherwise.
        /// </summary>
        private static CodeValue? Index(string s, int start, int end, ScriptVariables variables) =>
            IndexedTable(s, start, end, variables, out string? key) is ScriptHashtable entries ? Entry(entries, key!) : null;

        /// <summary>The table $table[key] (s[start..end)) indexes and the key, when the script fixes both; null otherwise.</summary>
        private static ScriptHashtable? IndexedTable(string s, int start, int end, ScriptVariables variables, out string? key)
        {
            key = null;
            int open = s.IndexOf('[', start, end - start);
            if (open < 0 || s[end - 1] != ']' || VariableName(s, start, open) is not string table || !variables.TryRead(table, out CodeValue? held) || !(held!.Value is ScriptHashtable entries)) return null;
            key = KeyText(s.Substring(open + 1, end - open - 2).Trim(), variables);
            return key == null ? null : entries;
        }

        /// <summary>A key as written between brackets or a method's parentheses: quoted, or a variable the script fixes; null otherwise.</summary>
        private static string? KeyText(string key, ScriptVariables variables) =>
            key.Length > 1 && key[0] == '$' ? (VariableName(key, 0, key.Length) is string variable && variables.TryRead(variable, out CodeValue? k) ? k!.AsString : null)
            : key.Length > 1 && key[0] == '\'' && key[key.Length - 1] == '\'' ? key.Substring(1, key.Length - 2)
            : key.Length > 1 && key[0] == '"' && key[key.Length - 1] == '"' ? variables.Expand(key.Substring(1, key.Length - 2), quoted: true)
            : null;

        /// <summary>The known value of the entry <paramref name="name"/> (PowerShell's names are not case-sensitive); null otherwise.</summary>
        private static CodeValue? Entry(ScriptHashtable entries, string name)
        {
            foreach (KeyValuePair<string, CodeValue> e in entries)
            {
                if (string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase)) return e.Value.IsKnown ? e.Value : null;
            }

            return null;
        }

        /// <summary>
        /// A hashtable literal at <paramref name="i"/> (@{ Name = 'web01'; Generation = 2 }, one entry a line or ';'
        /// between them): each key with its value, read as a parameter's value is. A key that is not a name or a quoted
        /// string, or a missing '=', makes the whole table unknown, read past its '}'.
        /// </summary>
        private static CodeValue ReadHashtable(string s, ref int i, Func<int, int, Location> at, ScriptVariables variables)
        {
            int start = i;
            int open = i + 1;
            if (!variables.EnterBlock())
            {
                // Tables in tables deeper than any settings file nests them: unknown, past the braces.
                int end = ClosingBrace(s, open);
                i = end < 0 ? s.Length : end + 1;
                return new CodeValue(null, false, at(start, Math.Max(1, i - start)));
            }

            try
            {
                return ReadEntries(s, ref i, at, variables);
            }
            finally
            {
                variables.LeaveBlock();
            }
        }

        private static CodeValue ReadEntries(string s, ref int i, Func<int, int, Location> at, ScriptVariables variables)
        {
            int start = i;
            int open = i + 1;
            i += 2;
            var table = new ScriptHashtable { Complete = true, IsHashtable = true };
            while (true)
            {
                // Entries are separated by line breaks or ';', with comments between them (Name = 'web01' # the web server).
                i = NextItem(s, i, ";");

                if (i >= s.Length) break;
                if (s[i] == '}')
                {
                    i++;
                    return new CodeValue(table, true, at(start, i - start));
                }

                int keyStart = i;
                string? key = null;
                if (s[i] == '\'' || s[i] == '"')
                {
                    key = ReadQuoted(s, ref i, variables);
                }
                else
                {
                    while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_' || s[i] == '-')) i++;
                    if (i > keyStart) key = s.Substring(keyStart, i - keyStart);
                }

                i = Blanks(s, i);
                if (key == null || i >= s.Length || s[i] != '=') break;
                i = Blanks(s, i + 1);
                int before = i;
                CodeValue value = ReadValue(s, ref i, at, variables);
                if (i == before) break;

                // A bare word there is a command PowerShell runs (Name = web01), not a string; 4GB is a number.
                if (char.IsLetter(s[before])) value = CodeValue.Unknown(value.Location);

                // An entry's value is an expression (Generation = [int]$vm.Gen, MemoryStartupBytes = [int64]$vm.MemoryGB * 1GB,
                // Name = 'web' + $i): its value where the script fixes it, else unknown; the other entries are read either way.
                // Read as one value, it would leave the rest (* 1GB) to be read as the next entry, which is none, and the
                // whole table would be unknown.
                if (StatementEnd(s, before) is int entryEnd && entryEnd > before && (Blanks(s, i) < entryEnd || (!value.IsKnown && s[before] == '[')))
                {
                    Location written = at(before, entryEnd - before);
                    value = Expression(s, before, entryEnd, variables, out _) is object computed ? new CodeValue(computed, true, written) : CodeValue.Unknown(written);
                    i = entryEnd;
                }

                table.Add(new KeyValuePair<string, CodeValue>(key, value));
            }

            int close = ClosingBrace(s, open);
            i = close < 0 ? s.Length : close + 1;
            return new CodeValue(null, false, at(start, Math.Max(1, i - start)));
        }

        /// <summary>Moves past the ')' that closes the parenthesis <paramref name="i"/> is inside, or to the end of the script.</summary>
        private static void SkipPastClosingParen(string s, ref int i)
        {
            int depth = 0;
            while (i < s.Length)
            {
                if (SkipStringOrComment(s, ref i)) continue;
                char c = s[i++];
                if (c == '(') depth++;
                else if (c == ')' && depth-- == 0) return;
            }
        }

        /// <summary>A quoted string or a bare word; null for a variable or an expression (unknown).</summary>
        private static string? ReadAtom(string s, ref int i, bool stopAtParen, ScriptVariables variables)
        {
            if (i >= s.Length) return null;
            char c = s[i];
            // "$name-disk.vhdx" in double quotes is expanded at run time: known only when every variable in it is a constant.
            if (c == '\'' || c == '"') return ReadQuoted(s, ref i, variables);
            if (c == '@' && HereString(s, i, out int textStart, out int textEnd) is int end && end >= 0)
            {
                // @' ... '@ is verbatim; @" ... "@ expands variables, as "..." does.
                bool verbatim = s[i + 1] == '\'';
                string text = s.Substring(textStart, textEnd - textStart);
                i = end;
                return verbatim ? text : variables.Expand(text, quoted: true);
            }

            // ('WEB' + $i), ("{0}-{1}" -f $site, $role), (2 * 1GB): an expression of values the script fixes, alone.
            if (c == '(')
            {
                int close = Closing(s, i, '(', ')');
                if (s[close - 1] == ')' && (close == s.Length || char.IsWhiteSpace(s[close]) || ",;|})".IndexOf(s[close]) >= 0))
                {
                    object? value = Expression(s, i + 1, close - 1, variables, out _);

                    // (Join-Path $root "$name.vhd"): the path it joins.
                    int first = NextToken(s, i + 1);
                    if (value == null && first < close - 1 && Keyword(s, first, "Join-Path") && Parse(s.Substring(first, close - 1 - first), (o, length) => Location.None, variables) is { Count: 1 } inner)
                    {
                        value = Joined(inner[0]);
                    }

                    i = close;
                    return value != null ? ExpressionText(value) : null;
                }
            }

            int start = i;
            int depth = 0;
            while (i < s.Length)
            {
                char d = s[i];
                if (d == '(') depth++;
                if (d == ')')
                {
                    if (depth == 0 && stopAtParen) break;
                    depth--;
                }

                if (depth <= 0 && (char.IsWhiteSpace(d) || d == ',' || d == ';' || d == '|' || d == '{' || d == '}')) break;
                i++;
            }

            string word = s.Substring(start, i - start);
            // Any other expression in parentheses, or after a cast ([int]$cpus), is code: unknown, never its text with the
            // variables in it expanded.
            if (word.StartsWith("(", StringComparison.Ordinal) || word.StartsWith("[", StringComparison.Ordinal)) return null;

            // A variable or an expression ($cpus, $vm.Name) is read by the caller, or unknown; a bare word that expands one
            // (web$i, D:\VMs\$name.vhdx) is known when every variable in it is a constant, as in double quotes.
            if (word.IndexOf('$') >= 0 && !string.Equals(word, "$true", StringComparison.OrdinalIgnoreCase) && !string.Equals(word, "$false", StringComparison.OrdinalIgnoreCase))
            {
                // $PSScriptRoot\LabFunctions.ps1: a variable and the path after it is one word, expanded as one.
                return word[0] == '$' && !PathAfterVariable(word) ? null : variables.Expand(word, quoted: false);
            }

            return word;
        }

        /// <summary>
        /// Whether the word <paramref name="word"/>, which starts with a variable, goes on with a path after it ($root\x or
        /// ${root}/x), rather than a member ($vm.Name), an index or nothing.
        /// </summary>
        private static bool PathAfterVariable(string word)
        {
            int end = 1;
            if (end < word.Length && word[end] == '{')
            {
                end = word.IndexOf('}', end);
                if (end < 0) return false;
                end++;
            }
            else
            {
                while (end < word.Length && (IsNameChar(word[end]) || word[end] == ':')) end++;
            }

            return end > 1 && end < word.Length && (word[end] == '\\' || word[end] == '/');
        }

        /// <summary>An integer, or a PowerShell size literal (512MB, 4GB, 1TB) in bytes.</summary>
        public static bool TryNumber(string text, out long n)
        {
            n = 0;
            string t = text.Trim();
            long multiplier = 1;
            string[] suffixes = { "KB", "MB", "GB", "TB", "PB" };
            for (int k = 0; k < suffixes.Length; k++)
            {
                if (t.EndsWith(suffixes[k], StringComparison.OrdinalIgnoreCase))
                {
                    multiplier = 1L << (10 * (k + 1));
                    t = t.Substring(0, t.Length - 2);
                    break;
                }
            }

            if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long v)) return false;
            n = v * multiplier;
            return true;
        }
    }
}
