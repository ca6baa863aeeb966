using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using HvLint.Engine;
using HvLint.Model;
using HvLint.Reporting;
using HvLint.Rules;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HvLint.Packs
{
    /// <summary>
    /// A declarative rule pack: JSON data, never code. Conditions use PSRule's expression shape (field plus an
    /// operator such as equals, in, match, exists, greater; allOf, anyOf, not) so that people who have written
    /// PSRule or Azure Policy conditions can read and write them without learning a new syntax; a field that
    /// names a collection with allOf/anyOf applies the inner conditions to each element. A pack that cannot be
    /// used is reported as HV9003 at the position of the problem; its valid rules still load.
    /// </summary>
    public sealed class RulePack
    {
        private static readonly Regex IdPattern = new Regex("^[A-Z][A-Z0-9]{1,9}[0-9]{3,}$", RegexOptions.CultureInvariant);
        // {field} or {field:size} (bytes shown as "512 MB").
        private static readonly Regex Placeholder = new Regex(@"\{([A-Za-z][A-Za-z0-9.\- ]*)(:size)?\}", RegexOptions.CultureInvariant);

        private static readonly Dictionary<string, string> CollectionElement = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["networkAdapters"] = "networkAdapter",
            ["drives"] = "drive",
            ["physicalNetworkAdapters"] = "physicalNetworkAdapter",
            ["virtualSwitches"] = "switch",
            ["virtualMachines"] = "vm",
        };

        private static readonly string[] Targets = { "vm", "networkAdapter", "drive", "host", "switch" };

        private string _path = string.Empty;

        public string Name { get; private set; } = string.Empty;

        public string Source { get; private set; } = string.Empty;

        public List<Rule> Rules { get; } = new List<Rule>();

        public List<KeyValuePair<SourceLocation, string>> Problems { get; } = new List<KeyValuePair<SourceLocation, string>>();

        public static RulePack Parse(string path, string text, ISet<string>? takenIds = null)
        {
            var pack = new RulePack { Source = path, _path = path, Name = System.IO.Path.GetFileNameWithoutExtension(path) };
            JToken root;
            try
            {
                using (var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None })
                {
                    root = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, CommentHandling = CommentHandling.Ignore, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
                }
            }
            catch (JsonReaderException ex)
            {
                pack.Problem(Readers.JsonErrors.Location(path, ex), "malformed JSON in the rule pack: " + Readers.JsonErrors.Message(ex));
                return pack;
            }

            if (!(root is JObject obj))
            {
                pack.Problem(pack.At(root), "a rule pack is a JSON object { \"name\", \"rules\": [...] }");
                return pack;
            }

            foreach (JProperty p in obj.Properties())
            {
                switch (p.Name)
                {
                    case "$schema":
                    case "description":
                        break;
                    case "name":
                        if (p.Value.Type == JTokenType.String) pack.Name = (string)p.Value!;
                        else pack.Problem(pack.At(p.Value), "'name' is a string");
                        break;
                    case "rules":
                        if (!(p.Value is JArray rules))
                        {
                            pack.Problem(pack.At(p.Value), "'rules' is an array of rules");
                            break;
                        }

                        var ids = takenIds ?? new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                        foreach (JToken r in rules) pack.ReadRule(r, ids);
                        break;
                    default:
                        pack.Problem(pack.At(p), "unknown pack setting '" + p.Name + "' (known: name, description, rules)");
                        break;
                }
            }

            return pack;
        }

        private void ReadRule(JToken token, ISet<string> ids)
        {
            if (!(token is JObject o))
            {
                Problem(At(token), "a rule is an object with id, title, severity, description, target, assert and message");
                return;
            }

            int before = Problems.Count;
            string? id = Str(o, "id", required: true);
            string? title = Str(o, "title", required: true);
            string? description = Str(o, "description", required: true);
            string? helpUri = Str(o, "helpUri", required: true);
            string? message = Str(o, "message", required: true);
            string? target = Str(o, "target", required: true);
            string? severityText = Str(o, "severity", required: true);
            foreach (JProperty p in o.Properties())
            {
                if (Array.IndexOf(new[] { "id", "title", "description", "helpUri", "message", "target", "severity", "when", "assert" }, p.Name) < 0)
                {
                    Problem(At(p), "unknown rule setting '" + p.Name + "' (known: id, title, severity, description, helpUri, target, when, assert, message)");
                }
            }

            if (id != null)
            {
                if (id.StartsWith("HV", StringComparison.OrdinalIgnoreCase)) Problem(At(o["id"]!), "rule ID '" + id + "': the HV prefix belongs to HvLint's own rules; use a prefix of your own (e.g. CTS001)");
                else if (!IdPattern.IsMatch(id)) Problem(At(o["id"]!), "rule ID '" + id + "' must be an upper-case prefix followed by at least three digits (e.g. CTS001)");
                else if (!ids.Add(id)) Problem(At(o["id"]!), "rule ID '" + id + "' is used twice");
            }

            if (target != null && Array.IndexOf(Targets, target) < 0) Problem(At(o["target"]!), "target '" + target + "' must be one of vm, networkAdapter, drive, host, switch");
            Severity? severity = severityText == null ? null : SeverityNames.Parse(severityText);
            if (severityText != null && (severity == null || severity == Severity.None)) Problem(At(o["severity"]!), "severity must be info, warning or error, not '" + severityText + "'");
            if (helpUri != null && !Uri.TryCreate(helpUri, UriKind.Absolute, out _)) Problem(At(o["helpUri"]!), "'helpUri' must be an absolute URI");

            string elementType = target != null && Array.IndexOf(Targets, target) >= 0 ? target : "vm";
            Condition? when = o["when"] == null ? null : ReadCondition(o["when"]!, elementType);
            Condition? assert = o["assert"] == null ? null : ReadCondition(o["assert"]!, elementType);
            if (o["assert"] == null) Problem(At(o), "a rule needs an 'assert' condition: what must hold");
            if (message != null)
            {
                foreach (Match m in Placeholder.Matches(message)) CheckField(m.Groups[1].Value, elementType, o["message"]!);
            }

            if (Problems.Count > before) return;
            RuleDescriptor d = RuleDescriptor.CreateForPack(Name, id!, title!, severity!.Value, description!, helpUri!);
            Rules.Add(elementType == "host" || elementType == "switch"
                ? (Rule)new PackHostRule(d, elementType, when, assert!, message!)
                : new PackVirtualMachineRule(d, elementType, when, assert!, message!));
        }

        private Condition? ReadCondition(JToken token, string elementType)
        {
            if (!(token is JObject o))
            {
                Problem(At(token), "a condition is an object such as { \"field\": \"generation\", \"equals\": 2 }");
                return null;
            }

            if (o["allOf"] is JToken all && o["field"] == null) return Group(all, elementType, true);
            if (o["anyOf"] is JToken any && o["field"] == null) return Group(any, elementType, false);
            if (o["not"] is JToken inner)
            {
                Condition? c = ReadCondition(inner, elementType);
                return c == null ? null : new Not(c);
            }

            if (!(o["field"] is JValue fieldToken) || fieldToken.Type != JTokenType.String)
            {
                Problem(At(o), "a condition needs 'field' (or is allOf, anyOf or not)");
                return null;
            }

            string field = (string)fieldToken!;
            // A collection with allOf/anyOf: the inner conditions apply to each element.
            if ((o["allOf"] != null || o["anyOf"] != null) && CollectionElement.TryGetValue(LastSegment(field), out string? elementOfCollection))
            {
                if (!CheckField(field, elementType, fieldToken)) return null;
                bool isAll = o["allOf"] != null;
                Condition? each = Group(isAll ? o["allOf"]! : o["anyOf"]!, elementOfCollection, isAll);
                return each == null ? null : new OverElements(field, isAll, each);
            }

            var ops = o.Properties().Where(p => p.Name != "field").ToList();
            if (ops.Count != 1 || Array.IndexOf(Leaf.Operators, ops[0].Name) < 0)
            {
                Problem(ops.Count == 1 ? At(ops[0]) : At(o), "a field condition has exactly one operator: " + string.Join(", ", Leaf.Operators) + (ops.Count == 1 ? " (not '" + ops[0].Name + "')" : string.Empty));
                return null;
            }

            if (!CheckField(field, elementType, fieldToken)) return null;
            string op = ops[0].Name;
            JToken operand = ops[0].Value;
            bool ok = op switch
            {
                "exists" or "hasValue" => operand.Type == JTokenType.Boolean,
                "in" or "notIn" => operand is JArray,
                "match" or "notMatch" or "startsWith" or "endsWith" => operand.Type == JTokenType.String && (op.EndsWith("atch", StringComparison.Ordinal) ? ValidRegex((string)operand!) : true),
                "count" => operand.Type == JTokenType.Integer,
                "greater" or "greaterOrEquals" or "less" or "lessOrEquals" => Leaf.Number(operand) != null,
                _ => operand.Type != JTokenType.Object && operand.Type != JTokenType.Array,
            };
            if (!ok)
            {
                Problem(At(operand), "'" + op + "' takes " + (op is "exists" or "hasValue" ? "true or false" : op is "in" or "notIn" ? "an array" : op is "count" ? "a whole number" : op.StartsWith("greater", StringComparison.Ordinal) || op.StartsWith("less", StringComparison.Ordinal) ? "a number or a size such as \"2GB\"" : op.EndsWith("atch", StringComparison.Ordinal) ? "a valid regular expression" : "a value") + ", not " + operand.ToString(Formatting.None));
                return null;
            }

            return new Leaf(field, op, operand);
        }

        private static bool ValidRegex(string pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(200));
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private Condition? Group(JToken token, string elementType, bool all)
        {
            if (!(token is JArray parts) || parts.Count == 0)
            {
                Problem(At(token), (all ? "'allOf'" : "'anyOf'") + " is a non-empty array of conditions");
                return null;
            }

            var list = new List<Condition>();
            foreach (JToken p in parts)
            {
                Condition? c = ReadCondition(p, elementType);
                if (c == null) return null;
                list.Add(c);
            }

            return all ? new AllOf(list) : (Condition)new AnyOf(list);
        }

        /// <summary>The field exists on the element type ("vm.environment" on an adapter follows "vm").</summary>
        private bool CheckField(string field, string elementType, JToken at)
        {
            string type = elementType;
            string rest = field;
            while (true)
            {
                string[] known = PackElement.Fields[type];
                if (known.Any(k => string.Equals(k, rest, StringComparison.OrdinalIgnoreCase))) return true;
                if (type == "vm" && rest.StartsWith("integrationServices.services.", StringComparison.OrdinalIgnoreCase)) return true;
                int dot = rest.IndexOf('.');
                string head = dot < 0 ? rest : rest.Substring(0, dot);
                string? next = head.Equals("vm", StringComparison.OrdinalIgnoreCase) && known.Contains("vm") ? "vm"
                    : head.Equals("host", StringComparison.OrdinalIgnoreCase) && known.Contains("host") ? "host" : null;
                if (next == null || dot < 0)
                {
                    Problem(At(at), "unknown field '" + field + "' on a " + elementType + " (known: " + string.Join(", ", PackElement.Fields[elementType]) + ")");
                    return false;
                }

                type = next;
                rest = rest.Substring(dot + 1);
            }
        }

        private static string LastSegment(string field)
        {
            int dot = field.LastIndexOf('.');
            return dot < 0 ? field : field.Substring(dot + 1);
        }

        private string? Str(JObject o, string name, bool required)
        {
            JToken? t = o[name];
            if (t == null)
            {
                if (required) Problem(At(o), "a rule needs '" + name + "'");
                return null;
            }

            if (t.Type == JTokenType.String && ((string)t!).Trim().Length > 0) return ((string)t!).Trim();
            Problem(At(t), "'" + name + "' is a non-empty string");
            return null;
        }

        private void Problem(SourceLocation at, string message) => Problems.Add(new KeyValuePair<SourceLocation, string>(at, message));

        private SourceLocation At(JToken token) => Readers.JsonTokens.Start(_path, token);

        /// <summary>The message with {field} placeholders filled from the element.</summary>
        internal static string Fill(string template, PackElement element) =>
            Placeholder.Replace(template, m =>
            {
                PackValue v = element.Get(m.Groups[1].Value);
                return m.Groups[2].Success && v.Kind == PackValue.Kinds.Number ? Units.FormatBytes((long)(double)v.Value!) : v.Display();
            });
    }

    /// <summary>What every pack rule does with an element: select it (when), test it (assert), word the finding.</summary>
    internal sealed class PackCheck
    {
        private readonly Condition? _when;
        private readonly Condition _assert;
        private readonly string _message;

        public PackCheck(Condition? when, Condition assert, string message)
        {
            _when = when;
            _assert = assert;
            _message = message;
        }

        /// <summary>True when the element is selected and known to break the assertion.</summary>
        public bool Fails(PackElement element, out SourceLocation at, out string message)
        {
            at = default;
            message = string.Empty;
            if (_when != null && _when.Evaluate(element).Truth != Truth.True) return false;
            Outcome o = _assert.Evaluate(element);
            if (o.Truth != Truth.False) return false;
            at = o.Blame.HasPosition ? o.Blame : element.Location;
            message = RulePack.Fill(_message, element);
            return true;
        }
    }

    /// <summary>A pack rule on VMs, or on each network adapter or drive of a VM.</summary>
    internal sealed class PackVirtualMachineRule : VirtualMachineRule
    {
        private readonly RuleDescriptor _descriptor;
        private readonly string _target;
        private readonly PackCheck _check;

        public PackVirtualMachineRule(RuleDescriptor descriptor, string target, Condition? when, Condition assert, string message)
        {
            _descriptor = descriptor;
            _target = target;
            _check = new PackCheck(when, assert, message);
        }

        public override RuleDescriptor Descriptor => _descriptor;

        // The element view of the VM being checked, shared by every pack rule that looks at it.
        [ThreadStatic]
        private static (VirtualMachine? Vm, PackElement? Element) _current;

        public override void Check(VirtualMachineContext context)
        {
            if (!ReferenceEquals(_current.Vm, context.VirtualMachine)) _current = (context.VirtualMachine, PackElement.Of(context.VirtualMachine, context.Host));
            PackElement vm = _current.Element!;
            switch (_target)
            {
                case "vm":
                    Apply(context, vm, null);
                    break;
                case "networkAdapter":
                    foreach (NetworkAdapter a in context.VirtualMachine.NetworkAdapters.Items) Apply(context, PackElement.Of(a, vm), "adapter:" + a.DisplayName);
                    break;
                case "drive":
                    foreach (Drive d in context.VirtualMachine.Drives.Items) Apply(context, PackElement.Of(d, vm), d.SlotDescription);
                    break;
            }
        }

        private void Apply(VirtualMachineContext context, PackElement element, string? subject)
        {
            if (_check.Fails(element, out SourceLocation at, out string message)) context.Report(at, message, subject);
        }
    }

    /// <summary>A pack rule on hosts, or on each virtual switch of a host.</summary>
    internal sealed class PackHostRule : HostRule
    {
        private readonly RuleDescriptor _descriptor;
        private readonly string _target;
        private readonly PackCheck _check;

        public PackHostRule(RuleDescriptor descriptor, string target, Condition? when, Condition assert, string message)
        {
            _descriptor = descriptor;
            _target = target;
            _check = new PackCheck(when, assert, message);
        }

        public override RuleDescriptor Descriptor => _descriptor;

        public override void Check(HostContext context)
        {
            PackElement host = PackElement.Of(context.Host);
            if (_target == "host")
            {
                Apply(context, host, null);
                return;
            }

            foreach (VirtualSwitch s in context.Host.VirtualSwitches.Items) Apply(context, PackElement.Of(s, host), "switch:" + s.DisplayName);
        }

        private void Apply(HostContext context, PackElement element, string? subject)
        {
            if (_check.Fails(element, out SourceLocation at, out string message)) context.Report(at, message, subject);
        }
    }
}
