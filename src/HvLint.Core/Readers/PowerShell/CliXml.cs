using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using HvLint.Model;
using Newtonsoft.Json.Linq;

namespace HvLint.Readers.PowerShell
{
    /// <summary>
    /// PowerShell's CLIXML, what Export-Clixml writes (Get-VM | Export-Clixml vms.xml), read as the JSON ConvertTo-Json
    /// writes for the same objects, so that the export reader reads both alike. The shape is PowerShell's serialization
    /// as [MS-PSRP] 2.2.5 specifies it: a root &lt;Objs&gt; of objects, each an &lt;Obj&gt; whose adapted properties are
    /// in &lt;Props&gt; and note properties in &lt;MS&gt;, every value an element named for its type with the property's
    /// name in N (&lt;S N="Name"&gt;web01&lt;/S&gt;, &lt;I32 N="Generation"&gt;2&lt;/I32&gt;), an enumeration an &lt;Obj&gt;
    /// whose types include System.Enum holding its number, a list &lt;LST&gt; (or IE, STK, QUE), a table &lt;DCT&gt; of
    /// &lt;En&gt; with Key and Value, and &lt;Ref RefId&gt; an object written before.
    /// </summary>
    internal static class CliXml
    {
        public const string Namespace = "http://schemas.microsoft.com/powershell/2004/04";

        // Deeper than Export-Clixml writes by default (-Depth 2) or than a VM's objects nest; past it a value is unknown.
        private const int MaxDepth = 64;

        // Far more than the objects of a host's VMs repeat (a VM's host, its switch); a file past it is made to grow.
        private const long MaxCopied = 1_000_000;

        /// <summary>The objects of the file as a JSON array; null, with the problem given to <paramref name="problem"/>, when it is not CLIXML.</summary>
        public static JToken? Load(string path, TextReader text, Action<SourceLocation, string> problem)
        {
            XDocument? doc = Xml.SafeXml.Load(path, text, problem);
            if (doc == null) return null;
            XElement? root = doc.Root;
            if (root == null || root.Name != XName.Get("Objs", Namespace))
            {
                problem(new SourceLocation(path, 1, 1), "expected PowerShell's CLIXML (<Objs> in " + Namespace + ")");
                return null;
            }

            var reading = new Reading();
            var objects = new JArray();
            Annotate(objects, root);
            foreach (XElement e in root.Elements()) objects.Add(reading.Value(e, 0));
            return objects;
        }

        private sealed class Reading
        {
            // Objects by RefId, for <Ref>; type name lists by RefId, for <TNRef>.
            private readonly Dictionary<string, JToken> _objects = new Dictionary<string, JToken>(StringComparer.Ordinal);
            private readonly Dictionary<string, List<string>> _types = new Dictionary<string, List<string>>(StringComparer.Ordinal);

            // Values copied for <Ref> so far.
            private long _copied;

            // How many values a copy of token makes, counted up to most.
            private static long Size(JToken token, long most)
            {
                long n = 0;
                var pending = new Stack<JToken>();
                pending.Push(token);
                while (pending.Count > 0 && n < most)
                {
                    JToken t = pending.Pop();
                    n++;
                    if (t is JContainer container)
                    {
                        foreach (JToken child in container.Children()) pending.Push(child);
                    }
                }

                return n;
            }

            public JToken Value(XElement e, int depth)
            {
                JToken value = depth > MaxDepth ? JValue.CreateNull() : Read(e, depth);
                Annotate(value, e);
                return value;
            }

            private JToken Read(XElement e, int depth)
            {
                // A value's text (an <Obj>'s would be all the text inside it, read for nothing).
                string text = e.HasElements ? string.Empty : e.Value;
                switch (e.Name.LocalName)
                {
                    case "S":
                    case "G":
                    case "URI":
                    case "DT":
                    case "TS":
                    case "XD":
                    case "SBK":
                    case "BA":
                        return new JValue(Decode(text));
                    case "C":
                        return ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ushort c) ? new JValue(((char)c).ToString()) : JValue.CreateNull();
                    case "B":
                        return bool.TryParse(text.Trim(), out bool b) ? new JValue(b) : JValue.CreateNull();
                    case "By":
                    case "SB":
                    case "I16":
                    case "U16":
                    case "I32":
                    case "U32":
                    case "I64":
                    case "U64":
                        // A U64 past long's range stays a BigInteger, which the export reader takes for the wrong type.
                        if (!BigInteger.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out BigInteger n)) return JValue.CreateNull();
                        return n >= long.MinValue && n <= long.MaxValue ? new JValue((long)n) : new JValue(n);
                    case "Sg":
                    case "Db":
                    case "D":
                        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? new JValue(d) : JValue.CreateNull();
                    case "Version":
                        return VersionObject(Decode(text));
                    case "Ref":
                        // The same object again: a copy, as ConvertTo-Json writes it again. Copies of copies could grow
                        // without bound (ten Refs to an object of ten Refs to ...): past MaxCopied values, no value.
                        if (!((string?)e.Attribute("RefId") is string id && _objects.TryGetValue(id, out JToken? earlier)) || _copied > MaxCopied) return JValue.CreateNull();
                        _copied += Size(earlier, MaxCopied - _copied + 1);
                        return _copied > MaxCopied ? JValue.CreateNull() : earlier.DeepClone();
                    case "Obj":
                        return Object(e, depth);
                    default:
                        // Nil, and what a VM's objects never hold (a secure string, a progress record): no value.
                        return JValue.CreateNull();
                }
            }

            private JToken Object(XElement obj, int depth)
            {
                List<string> types = Types(obj);
                JToken value;
                XElement? list = Child(obj, "LST") ?? Child(obj, "IE") ?? Child(obj, "STK") ?? Child(obj, "QUE");
                XElement? table = Child(obj, "DCT");
                if (types.Contains("System.Enum"))
                {
                    // An enumeration is its number, as Windows PowerShell's ConvertTo-Json writes it.
                    value = Primitive(obj, depth) ?? new JValue(Decode((string?)Child(obj, "ToString") ?? string.Empty));
                }
                else if (list != null)
                {
                    var items = new JArray();
                    foreach (XElement item in list.Elements()) items.Add(Value(item, depth + 1));
                    value = items;
                }
                else if (table != null)
                {
                    var entries = new JObject();
                    foreach (XElement entry in table.Elements(XName.Get("En", Namespace)))
                    {
                        XElement? key = null, item = null;
                        foreach (XElement part in entry.Elements())
                        {
                            string? name = (string?)part.Attribute("N");
                            if (name == "Key") key = part;
                            else if (name == "Value") item = part;
                        }

                        if (key != null && Value(key, depth + 1) is JValue { Value: object k } && entries.Property(Convert.ToString(k, CultureInfo.InvariantCulture)!) == null)
                        {
                            entries.Add(Convert.ToString(k, CultureInfo.InvariantCulture)!, item == null ? JValue.CreateNull() : Value(item, depth + 1));
                        }
                    }

                    value = entries;
                }
                else if (Child(obj, "Props") != null || Child(obj, "MS") != null)
                {
                    // A string or number with note properties added is still the string or number.
                    value = Primitive(obj, depth) ?? Properties(obj, depth);

                    // Its first type name (Selected.Microsoft.HyperV.PowerShell.VirtualMachine for Select-Object's copy) says what wrote it.
                    PowerShellObjectKind kind = types.Count > 0 ? PowerShellObjectClassifier.OfTypeName(types[0]) : PowerShellObjectKind.Unknown;
                    if (kind != PowerShellObjectKind.Unknown && value is JObject) value.AddAnnotation(new WrittenBy(kind));
                }
                else
                {
                    value = Primitive(obj, depth) ?? new JValue(Decode((string?)Child(obj, "ToString") ?? string.Empty));
                }

                if ((string?)obj.Attribute("RefId") is string id) _objects[id] = value;
                return value;
            }

            // Adapted properties, then note properties; a name written twice keeps its first value, as in JSON here.
            private JObject Properties(XElement obj, int depth)
            {
                var properties = new JObject();
                foreach (string set in new[] { "Props", "MS" })
                {
                    XElement? members = Child(obj, set);
                    if (members == null) continue;
                    foreach (XElement member in members.Elements())
                    {
                        string? name = (string?)member.Attribute("N");
                        if (name == null) continue;
                        name = Decode(name);
                        if (properties.Property(name) == null) properties.Add(name, Value(member, depth + 1));
                    }
                }

                return properties;
            }

            // The value an <Obj> wraps (an enumeration's number, a string with note properties): its one child that is a value.
            private JToken? Primitive(XElement obj, int depth)
            {
                foreach (XElement child in obj.Elements())
                {
                    switch (child.Name.LocalName)
                    {
                        case "TN":
                        case "TNRef":
                        case "ToString":
                        case "Props":
                        case "MS":
                        case "LST":
                        case "IE":
                        case "STK":
                        case "QUE":
                        case "DCT":
                            continue;
                        default:
                            return Value(child, depth + 1);
                    }
                }

                return null;
            }

            private List<string> Types(XElement obj)
            {
                if (Child(obj, "TN") is XElement tn)
                {
                    var names = new List<string>();
                    foreach (XElement t in tn.Elements(XName.Get("T", Namespace))) names.Add(t.Value);
                    if ((string?)tn.Attribute("RefId") is string id) _types[id] = names;
                    return names;
                }

                return Child(obj, "TNRef") is XElement reference && (string?)reference.Attribute("RefId") is string refId && _types.TryGetValue(refId, out List<string>? known) ? known : new List<string>();
            }
        }

        private static XElement? Child(XElement e, string name) => e.Element(XName.Get(name, Namespace));

        /// <summary>System.Version as ConvertTo-Json writes it: its parts as properties.</summary>
        private static JToken VersionObject(string text)
        {
            if (!Version.TryParse(text.Trim(), out Version? version)) return new JValue(text);
            return new JObject
            {
                ["Major"] = version.Major,
                ["Minor"] = version.Minor,
                ["Build"] = version.Build,
                ["Revision"] = version.Revision,
            };
        }

        /// <summary>
        /// Text as CLIXML escapes it: a character XML cannot hold, and '_' before an 'x', as _xHHHH_ ("a_x000A_b" is a
        /// line break between a and b).
        /// </summary>
        internal static string Decode(string text)
        {
            if (text.IndexOf("_x", StringComparison.Ordinal) < 0) return text;
            var decoded = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                    && ushort.TryParse(text.Substring(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code))
                {
                    decoded.Append((char)code);
                    i += 6;
                }
                else
                {
                    decoded.Append(text[i]);
                }
            }

            return decoded.ToString();
        }

        /// <summary>Where <paramref name="value"/> is written: its element's '&lt;' (a property's, not the value an &lt;Obj&gt; wraps).</summary>
        private static void Annotate(JToken value, XElement at)
        {
            SourceLocation written = Xml.VmConfigurationXmlReader.Loc(string.Empty, at);
            value.RemoveAnnotations<JsonTokens.Position>();
            value.AddAnnotation(new JsonTokens.Position(written.Line, written.Column));
        }
    }
}
