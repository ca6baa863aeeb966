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

        public static XDocument Load(TextReader text)
        {
            using (XmlReader reader = XmlReader.Create(text, Settings()))
            {
                return XDocument.Load(reader, LoadOptions.SetLineInfo);
            }
        }
    }
}
