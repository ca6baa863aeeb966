using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace HvLint.Analyzers
{
    /// <summary>A value in provisioning code or script text: known (string, long, bool, or a list of strings) or not.</summary>
    internal sealed class CodeValue
    {
        public CodeValue(object? value, bool known, Location location)
        {
            Value = value;
            IsKnown = known;
            Location = location;
        }

        public object? Value { get; }

        public bool IsKnown { get; }

        public Location Location { get; }

        public static CodeValue Unknown(Location at) => new CodeValue(null, false, at);

        /// <summary>For an unknown value written as a variable ($vm), its name without the '$'; what it holds is unknown.</summary>
        public string? Variable { get; set; }

        /// <summary>
        /// For an unknown value that is the same wherever the code writes it, what it stands for: a parameter or local
        /// the C# method never changes ("{vmName}"), or a parameter of the script that the script never changes
        /// ("$Name"). The same symbol is the same value, so a VM named by it is one VM, whatever its name at run time.
        /// </summary>
        public string? Symbol { get; set; }

        /// <summary>
        /// A constant the code writes as an integer of any integral type, or as a string of digits (WMI's uint64
        /// properties are strings in MOF and often written so); null otherwise.
        /// </summary>
        public static long? Integer(object? v) => v switch
        {
            int i => i,
            long l => l,
            uint u => u,
            ulong ul when ul <= long.MaxValue => (long)ul,
            ushort us => us,
            short s => s,
            byte b => b,
            sbyte sb => sb,
            string text when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long p) => p,
            _ => null,
        };

        public bool TryLong(out long n)
        {
            n = 0;
            if (!IsKnown) return false;
            switch (Value)
            {
                case long l: n = l; return true;
                case int i: n = i; return true;
                case short s: n = s; return true;
                case byte b: n = b; return true;
                case string text: return PowerShellScript.TryNumber(text, out n);
                default: return false;
            }
        }

        public bool TryBool(out bool b)
        {
            b = false;
            if (!IsKnown) return false;
            if (Value is bool v) { b = v; return true; }
            if (Value is string s)
            {
                if (string.Equals(s, "$true", StringComparison.OrdinalIgnoreCase) || string.Equals(s, "true", StringComparison.OrdinalIgnoreCase)) { b = true; return true; }
                if (string.Equals(s, "$false", StringComparison.OrdinalIgnoreCase) || string.Equals(s, "false", StringComparison.OrdinalIgnoreCase)) { b = false; return true; }
            }

            return false;
        }

        /// <summary>The value as one string; null for a list of several (-VMName a, b names no one VM) or a hashtable.</summary>
        public string? AsString => !IsKnown || Value is ScriptHashtable || Value is List<ScriptHashtable> ? null
            : Value is IReadOnlyList<string> list ? (list.Count == 1 ? list[0] : null)
            : Value as string ?? Convert.ToString(Value, CultureInfo.InvariantCulture);

        public IReadOnlyList<string>? AsList => !IsKnown ? null : Value is IReadOnlyList<string> l ? l : Value is string s ? new[] { s } : Value is long || Value is bool ? new[] { AsString! } : null;
    }

    /// <summary>
    /// A hashtable literal in script text (@{ Name = 'web01'; Generation = 2 }): its entries in the order written, each
    /// value known or not. Splatted (New-VM @settings), its entries are the command's named parameters. Import-Csv's rows
    /// and ConvertFrom-Json's objects are read as tables too.
    /// </summary>
    internal sealed class ScriptHashtable : List<KeyValuePair<string, CodeValue>>
    {
        /// <summary>
        /// Whether it has every entry of what PowerShell holds: a hashtable written @{ }, a row of Import-Csv, an object
        /// of ConvertFrom-Json. Outside strict mode, a name it lacks then reads as $null ($vm.Pxe when the VM's table has
        /// no Pxe), as PowerShell reads a missing key or property (Set-StrictMode's help). A table made of a hashtable's
        /// entries (Key, Value, and the Name PowerShell adds) is not complete.
        /// </summary>
        public bool Complete { get; set; }

        /// <summary>A hashtable written @{ }: $vm['Pxe'] and $vm.ContainsKey('Pxe') read it, in strict mode too.</summary>
        public bool IsHashtable { get; set; }

        /// <summary>
        /// For a loop's item, the keys the script changes in place on some variable (ScriptVariables.ForItem), each here
        /// with an unknown value, and whether there at all unknown too; null for none.
        /// </summary>
        public HashSet<string>? ChangedKeys { get; set; }

        /// <summary>For a loop's item, whether the script changes in place a key it does not name ($vm[$key] = 1): every entry is unknown, and any may have been added.</summary>
        public bool AnyKeyChanged { get; set; }
    }

    /// <summary>One cmdlet invocation with its parameters, from AddCommand/AddParameter or from script text.</summary>
    internal sealed class CommandCall
    {
        public CommandCall(string name, Location location)
        {
            // Module-qualified names: Hyper-V\New-VM.
            int slash = name.LastIndexOf('\\');
            Name = slash >= 0 ? name.Substring(slash + 1) : name;
            Location = location;
        }

        public string Name { get; }

        public Location Location { get; }

        /// <summary>Named parameters in the order written; a switch parameter has a true value.</summary>
        public List<KeyValuePair<string, CodeValue>> Named { get; } = new List<KeyValuePair<string, CodeValue>>();

        public List<CodeValue> Positional { get; } = new List<CodeValue>();

        /// <summary>True when the command continues a pipeline: the VM flows in from the previous command.</summary>
        public bool Piped { get; set; }

        /// <summary>In script text, the variable the statement assigns ($vm = New-VM ...), without the '$'.</summary>
        public string? AssignedTo { get; set; }

        /// <summary>In script text, parameters splatted from a variable (New-VM @settings): which ones is unknown.</summary>
        public bool Splatted { get; set; }

        /// <summary>
        /// For a command in script text, where in the script its statement ends: after its last character, before the
        /// blanks, ';', line break, brace or '#' comment that follow it; past any '|' pipeline. -1 for a command in code.
        /// </summary>
        public int StatementEnd { get; set; } = -1;

        /// <summary>The same command with one named parameter's value replaced (the first written that matches).</summary>
        public CommandCall With(string parameter, CodeValue value)
        {
            CommandCall copy = Copy();
            copy.Positional.AddRange(Positional);
            bool replaced = false;
            foreach (var p in Named)
            {
                bool match = !replaced && Matches(p.Key, parameter, Array.Empty<string>());
                copy.Named.Add(match ? new KeyValuePair<string, CodeValue>(p.Key, value) : p);
                replaced |= match;
            }

            return copy;
        }

        /// <summary>The same command, with no parameters yet.</summary>
        private CommandCall Copy() => new CommandCall(Name, Location) { Piped = Piped, AssignedTo = AssignedTo, Splatted = Splatted, StatementEnd = StatementEnd };

        /// <summary>The same command with one positional argument's value replaced.</summary>
        public CommandCall WithPositional(int index, CodeValue value)
        {
            CommandCall copy = Copy();
            copy.Positional.AddRange(Positional);
            copy.Positional[index] = value;
            copy.Named.AddRange(Named);
            return copy;
        }

        /// <summary>
        /// The value of <paramref name="parameter"/> by name, else the positional value for it, where positional values
        /// fill <paramref name="order"/> in turn, skipping each parameter given by name (-VMName also when the VM is
        /// piped in or given as -VM).
        /// </summary>
        public CodeValue? GetOrPositional(string parameter, params string[] order)
        {
            CodeValue? named = Get(parameter);
            if (named != null) return named;
            int slot = 0;
            foreach (string p in order)
            {
                if (Get(p) != null || (p == "VMName" && (Piped || Get("VM") != null))) continue;
                if (p == parameter) return slot < Positional.Count ? Positional[slot] : null;
                slot++;
            }

            return null;
        }

        /// <summary>The value of a parameter by its name, an alias, or an unambiguous prefix of it.</summary>
        public CodeValue? Get(string parameter, params string[] aliases)
        {
            foreach (var p in Named)
            {
                if (Matches(p.Key, parameter, aliases)) return p.Value;
            }

            return null;
        }

        private static bool Matches(string written, string parameter, string[] aliases)
        {
            if (string.Equals(written, parameter, StringComparison.OrdinalIgnoreCase)) return true;
            foreach (string a in aliases)
            {
                if (string.Equals(written, a, StringComparison.OrdinalIgnoreCase)) return true;
            }

            // PowerShell accepts any unambiguous prefix; the cmdlets' parameter sets make these prefixes unique
            // for the parameters read here once they are at least three characters long.
            return written.Length >= 3 && parameter.StartsWith(written, StringComparison.OrdinalIgnoreCase);
        }
    }
}
