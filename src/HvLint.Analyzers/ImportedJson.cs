using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.CodeAnalysis;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HvLint.Analyzers
{
    /// <summary>
    /// The value ConvertFrom-Json makes of a settings file a script reads ($lab = Get-Content .\lab.json -Raw |
    /// ConvertFrom-Json), for a script that provisions one VM per entry: foreach ($vm in $lab.VMs) { New-VM -Name $vm.Name ... }.
    /// </summary>
    internal static class ImportedJson
    {
        // How deep objects in objects are read; a settings file is seldom more than three or four levels deep.
        private const int MaxDepth = 16;

        /// <summary>
        /// An object is a table of its properties in the order written, read as $value.Name is; an array of objects a
        /// list of tables, which a loop goes through; an array of strings, numbers or booleans a list of their text; a
        /// string, an integer or a boolean itself. Anything else (null, a fraction, a mixed array, an array of more
        /// items than a loop is read for) is unknown. Null when the text is not JSON, as ConvertFrom-Json then fails.
        /// </summary>
        public static CodeValue? Value(string text, Location location)
        {
            JToken token;
            try
            {
                using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = MaxDepth + 2 };
                token = JToken.ReadFrom(reader);
                while (reader.Read())
                {
                    if (reader.TokenType != JsonToken.Comment) return null; // more than one value
                }
            }
            catch (JsonException)
            {
                return null;
            }

            return Convert(token, location);
        }

        private static CodeValue Convert(JToken token, Location location)
        {
            switch (token)
            {
                case JObject o:
                    var table = new ScriptHashtable { Complete = true };
                    foreach (JProperty p in o.Properties()) table.Add(new KeyValuePair<string, CodeValue>(p.Name, Convert(p.Value, location)));
                    return new CodeValue(table, true, location);
                case JArray a when a.Count <= PowerShellScript.MaxLoopItems:
                    var tables = new List<ScriptHashtable>();
                    var items = new List<string>();
                    foreach (JToken item in a)
                    {
                        CodeValue value = Convert(item, location);
                        if (value.Value is ScriptHashtable entries) tables.Add(entries);
                        else if (value.AsString is string s && !(value.Value is IReadOnlyList<string>)) items.Add(s);
                        else return Unknown(location);
                    }

                    if (tables.Count > 0 && items.Count > 0) return Unknown(location);
                    return tables.Count > 0 ? new CodeValue(tables, true, location) : new CodeValue(items, true, location);
                case JValue { Type: JTokenType.String } v:
                    return new CodeValue((string)v.Value!, true, location);
                case JValue { Type: JTokenType.Integer } v when v.Value is long or int:
                    return new CodeValue(System.Convert.ToInt64(v.Value, CultureInfo.InvariantCulture), true, location);
                case JValue { Type: JTokenType.Boolean } v:
                    return new CodeValue((bool)v.Value!, true, location);
                default:
                    return Unknown(location);
            }
        }

        private static CodeValue Unknown(Location location) => new CodeValue(null, false, location);
    }
}
