using System;
using System.IO;
using HvLint.Model;
using Newtonsoft.Json;

namespace HvLint.Readers
{
    public enum InputFormat
    {
        /// <summary>Not a format HvLint reads (a well-formed file of another shape).</summary>
        Unknown,

        /// <summary>A file that should be readable but is not: empty, binary, malformed.</summary>
        Unreadable,

        /// <summary>HvLint's native inventory JSON.</summary>
        NativeInventory,

        /// <summary>Hyper-V cmdlet output written by ConvertTo-Json (Get-VM, Get-VMNetworkAdapter, ...).</summary>
        PowerShellJson,

        /// <summary>The same cmdlets' output written by Export-Clixml (PowerShell's CLIXML).</summary>
        PowerShellCliXml,

        /// <summary>The same cmdlets' output written by Export-Csv or ConvertTo-Csv.</summary>
        PowerShellCsv,

        /// <summary>A Hyper-V VM configuration file (2008 to 2012 R2, "Virtual Machines\&lt;GUID&gt;.xml").</summary>
        VmConfigurationXml,

        /// <summary>CIM-XML text of Msvm_* instances (ManagementBaseObject.GetText).</summary>
        CimXml,

        /// <summary>Terraform: `terraform show -json` of a plan or state, or a configuration in JSON or HCL syntax (the Hyper-V provider's resources).</summary>
        Terraform,

        /// <summary>Packer: a template whose Hyper-V builders (hyperv-iso, hyperv-vmcx) make VM images, in HCL, its JSON syntax or the legacy JSON.</summary>
        Packer,
    }

    /// <summary>What detection decided, why, and where (1-based; 0 when the whole file is meant).</summary>
    public readonly struct Detection
    {
        public Detection(InputFormat format, string? why, int line = 0, int column = 0)
        {
            Format = format;
            Why = why;
            Line = line;
            Column = column;
        }

        public InputFormat Format { get; }

        public string? Why { get; }

        public int Line { get; }

        public int Column { get; }
    }

    /// <summary>Recognises an input by its content, never by its name.</summary>
    public static class InputFormatDetector
    {
        /// <summary>How much of a file detection looks at.</summary>
        public const int HeadLength = 8192;

        public static Detection Detect(string head)
        {
            int i = 0;
            if (head.Length > 0 && head[0] == '\uFEFF') i = 1;
            while (i < head.Length && char.IsWhiteSpace(head[i])) i++;
            if (i >= head.Length)
            {
                return new Detection(InputFormat.Unreadable, "the file is empty");
            }

            if (head.IndexOf('\0') >= 0)
            {
                return new Detection(InputFormat.Unreadable, "the file is binary, not text");
            }

            char first = head[i];
            if (first == '{' || first == '[') return DetectJson(head);
            if (first == '<') return DetectXml(head);
            if (PowerShell.PowerShellCsv.Detect(head)) return new Detection(InputFormat.PowerShellCsv, null);
            if (Terraform.HclDocument.Detect(head) is InputFormat hcl) return new Detection(hcl, null);
            return new Detection(InputFormat.Unknown, "not a format HvLint reads");
        }

        private static Detection DetectJson(string head)
        {
            var names = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
            using (var reader = new JsonTextReader(new StringReader(head)) { DateParseHandling = DateParseHandling.None })
            {
                try
                {
                    if (!reader.Read()) return new Detection(InputFormat.Unknown, "an empty JSON document");

                    // PowerShell writes one object, or an array of them (nested arrays when cmdlets are combined).
                    int objectDepth = 0;
                    while (reader.TokenType == JsonToken.StartArray)
                    {
                        if (!reader.Read()) return new Detection(InputFormat.Unknown, "an empty JSON array");
                        objectDepth++;
                    }

                    if (reader.TokenType == JsonToken.EndArray) return new Detection(InputFormat.Unknown, "an empty JSON array");
                    if (reader.TokenType != JsonToken.StartObject) return new Detection(InputFormat.Unknown, "a JSON " + (objectDepth > 0 ? "array" : "value") + " of a shape HvLint does not know");

                    while (reader.Read())
                    {
                        if (reader.TokenType == JsonToken.EndObject && reader.Depth == objectDepth) break;
                        if (reader.TokenType != JsonToken.PropertyName || reader.Depth != objectDepth + 1) continue;
                        string name = (string)reader.Value!;

                        // "$schema" and "x-" extension properties say nothing about the format; look past them.
                        if (name.StartsWith("$", StringComparison.Ordinal) || name.StartsWith("x-", StringComparison.OrdinalIgnoreCase)) continue;
                        if (objectDepth == 0 && names.Count == 0 && NativeInventoryReader.IsNativeTopLevelProperty(name)) return new Detection(InputFormat.NativeInventory, null);
                        names.Add(name);
                    }
                }
                catch (JsonReaderException ex) when (head.Length < HeadLength || ex.LineNumber < CountLines(head))
                {
                    SourceLocation at = JsonErrors.Location(string.Empty, ex);
                    return new Detection(InputFormat.Unreadable, "malformed JSON: " + JsonErrors.Message(ex), at.Line, at.Column);
                }
                catch (JsonReaderException)
                {
                    // The head ends inside a token: decide on the property names seen so far.
                }
            }

            if (PowerShell.PowerShellObjectClassifier.Classify(names) != PowerShell.PowerShellObjectKind.Unknown) return new Detection(InputFormat.PowerShellJson, null);
            if (Terraform.TerraformReader.IsTerraformJson(names)) return new Detection(InputFormat.Terraform, null);
            if (Terraform.TerraformReader.IsModuleManifest(names, head)) return new Detection(InputFormat.Terraform, null);
            if (Terraform.TerraformReader.IsPackerJson(names)) return new Detection(InputFormat.Packer, null);
            if (names.Count == 0) return new Detection(InputFormat.Unknown, "a JSON object with nothing HvLint reads");
            var sorted = new System.Collections.Generic.List<string>(names);
            sorted.Sort(StringComparer.Ordinal);
            return new Detection(InputFormat.Unknown, "a JSON object of a shape HvLint does not know (properties " + string.Join(", ", sorted.Count > 5 ? sorted.GetRange(0, 5) : sorted) + (sorted.Count > 5 ? ", ..." : string.Empty) + ")");
        }

        private static Detection DetectXml(string head)
        {
            if (head.Length > 0 && head[0] == '\uFEFF') head = head.Substring(1);
            // A DTD is refused before anything else looks at the file: no entity is ever expanded.
            int doctype = head.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
            if (doctype >= 0)
            {
                int line = 1, column = 1;
                for (int i = 0; i < doctype; i++)
                {
                    if (head[i] == '\n') { line++; column = 1; }
                    else column++;
                }

                return new Detection(InputFormat.Unreadable, "the file declares a DTD; HvLint never processes DTDs or entities in its inputs", line, column);
            }

            try
            {
                using (var reader = System.Xml.XmlReader.Create(new StringReader(head), Xml.SafeXml.Settings()))
                {
                    while (reader.Read())
                    {
                        if (reader.NodeType != System.Xml.XmlNodeType.Element) continue;
                        switch (reader.LocalName)
                        {
                            case "configuration": return new Detection(InputFormat.VmConfigurationXml, null);
                            case "Objs" when reader.NamespaceURI == PowerShell.CliXml.Namespace: return new Detection(InputFormat.PowerShellCliXml, null);
                            case "INSTANCE":
                            case "CIM":
                            case "VALUE.NAMEDINSTANCE":
                            case "VALUE.OBJECT":
                            case "INSTANCES":
                                return new Detection(InputFormat.CimXml, null);
                            default:
                                return new Detection(InputFormat.Unknown, "XML with the root element <" + reader.LocalName + ">, not a Hyper-V configuration, CIM-XML or PowerShell's CLIXML");
                        }
                    }
                }
            }
            catch (System.Xml.XmlException ex) when (head.Length < HeadLength)
            {
                return new Detection(InputFormat.Unreadable, "malformed XML: " + ex.Message, Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition));
            }
            catch (System.Xml.XmlException)
            {
                // The head ends inside the first element: not decided.
            }

            return new Detection(InputFormat.Unknown, "XML HvLint does not read");
        }

        private static int CountLines(string s)
        {
            int n = 1;
            foreach (char c in s)
            {
                if (c == '\n') n++;
            }

            return n;
        }
    }
}
