using System.IO;
using System.Xml;
using System.Xml.Linq;

namespace HvLint.Readers.Xml
{
    /// <summary>
    /// The only way HvLint opens XML: DTDs prohibited (a DOCTYPE is an error, so no entity is ever expanded),
    /// no resolver (nothing a file references is ever opened), line information kept.
    /// </summary>
    internal static class SafeXml
    {
        public static XmlReaderSettings Settings() => new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            IgnoreComments = false,
            IgnoreWhitespace = true,
            CloseInput = false,
        };

        /// <summary>
        /// Deeper than any file HvLint reads nests (a VM configuration or CIM-XML: under ten; CLIXML of a depth-5 export:
        /// under thirty). LINQ to XML takes time that grows with the square of the depth (ten thousand levels: seconds),
        /// so a file past it is refused before it is loaded.
        /// </summary>
        public const int MaxDepth = 256;

        /// <summary>The document; null, with where and why given to <paramref name="problem"/>, when it is not well-formed XML HvLint reads.</summary>
        public static XDocument? Load(string path, TextReader text, System.Action<Model.SourceLocation, string> problem)
        {
            try
            {
                return Load(text);
            }
            catch (XmlException ex)
            {
                string why = ex.Message.IndexOf("DTD", System.StringComparison.OrdinalIgnoreCase) >= 0
                    ? "the file declares a DTD; HvLint never processes DTDs or entities in its inputs"
                    : "malformed XML: " + ex.Message;
                problem(new Model.SourceLocation(path, System.Math.Max(1, ex.LineNumber), System.Math.Max(1, ex.LinePosition)), why);
                return null;
            }
        }

        public static XDocument Load(TextReader text)
        {
            string content = WithinDepth(text, ConformanceLevel.Document);
            using (XmlReader reader = XmlReader.Create(new StringReader(content), Settings()))
            {
                return XDocument.Load(reader, LoadOptions.SetLineInfo);
            }
        }

        /// <summary>The text, once a streaming read has found it well-formed to <see cref="MaxDepth"/>; an XmlException at the element past it.</summary>
        public static string WithinDepth(TextReader text, ConformanceLevel conformance)
        {
            string content = text.ReadToEnd();
            XmlReaderSettings settings = Settings();
            settings.ConformanceLevel = conformance;
            using (XmlReader reader = XmlReader.Create(new StringReader(content), settings))
            {
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.Depth >= MaxDepth)
                    {
                        var at = (IXmlLineInfo)reader;
                        throw new XmlException("elements nested more than " + MaxDepth + " deep", null, at.LineNumber, at.LinePosition);
                    }
                }
            }

            return content;
        }
    }
}
