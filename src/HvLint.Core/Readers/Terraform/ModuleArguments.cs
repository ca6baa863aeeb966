using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace HvLint.Readers.Terraform
{
    /// <summary>
    /// Where a module call's arguments are found. A module is written once and called with different arguments, so a
    /// value a call passes (`cpus = 96`, `backup_integration = false`) is found at that argument in the calling file,
    /// not where the module uses the variable, which every call shares: the finding then names the line that makes
    /// this VM differ from the others, which is the line a pull request changes. tflint reports a module's issues at
    /// its call's arguments in the same way (terraform-linters/tflint#396). What the module computes from an argument
    /// (`"${var.name}-x"`, `var.cpus * 2`) is the module's own value and stays where the module writes it.
    /// </summary>
    public sealed partial class TerraformReader
    {
        /// <summary>The annotation of a value a module call passes, found where the call writes it.</summary>
        private sealed class ModuleArgument
        {
            public static readonly ModuleArgument Instance = new ModuleArgument();
        }

        private static bool IsModuleArgument(JToken t) => t.Annotation<ModuleArgument>() != null;

        /// <summary>
        /// The annotation of an instance's each.value (and its attributes) taken from a for_each written out in the block
        /// (`for_each = { web01 = 2, sql01 = 96 }`): found where the entry is written, in the block's own file, which tells
        /// the instances apart where `each.value` is the same line for all of them.
        /// </summary>
        private sealed class ForEachEntry
        {
            public static readonly ForEachEntry Instance = new ForEachEntry();
        }

        private static bool IsForEachEntry(JToken t) => t.Annotation<ForEachEntry>() != null;

        /// <summary>A copy of an entry of a for_each written out in its block, each part of it found where it is written.</summary>
        private static JToken WrittenEntry(JToken entry)
        {
            JToken copy = entry.DeepClone();
            foreach (JToken t in copy is JContainer all ? all.DescendantsAndSelf() : new[] { copy }) t.AddAnnotation(ForEachEntry.Instance);
            return copy;
        }

        /// <summary>
        /// A call's argument evaluated, as <see cref="Evaluated"/> does, each of its values annotated with where the
        /// call (in <paramref name="file"/>) writes it: a literal where it is written, a reference or an expression at
        /// the expression. A value the calling module took unchanged from its own call keeps that first call's place.
        /// </summary>
        private static JToken? Passed(JToken written, string file, Dictionary<string, JToken> values, System.Func<string, string, JObject?> resource)
        {
            if (written is JValue { Type: JTokenType.String } text)
            {
                JToken? value = Template(text, values, resource);
                if (value == null) return null;
                // each.value of a for_each the call writes out is found at the entry, in the call's file.
                if (!ReferenceEquals(value, text)) return IsForEachEntry(value) ? Located(value.DeepClone(), file) : WrittenAt(value.DeepClone(), text, file);
            }

            JToken copy = written.DeepClone(); // a literal keeps its own position, which the copy's annotations carry
            if (copy is JContainer container)
            {
                foreach (JValue s in container.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList())
                {
                    JToken? replacement = Passed(s, file, values, resource);
                    if (replacement == null) return null;
                    if (!ReferenceEquals(replacement, s)) s.Replace(IsModuleArgument(replacement) ? replacement.DeepClone() : replacement);
                }
            }

            return Located(copy, file);
        }

        /// <summary>A value written in the call's <paramref name="file"/>, each part found where it is written there.</summary>
        private static JToken Located(JToken copy, string file)
        {
            foreach (JToken t in copy is JContainer all ? all.DescendantsAndSelf() : new[] { copy })
            {
                if (IsModuleArgument(t)) continue;
                t.AddAnnotation(new JsonTokens.WrittenIn(file));
                t.AddAnnotation(ModuleArgument.Instance);
            }

            return copy;
        }

        /// <summary>A value the call computes (a reference, an expression): every part of it found at the expression.</summary>
        private static JToken WrittenAt(JToken value, JToken expression, string file)
        {
            foreach (JToken t in value is JContainer all ? all.DescendantsAndSelf() : new[] { value })
            {
                if (IsModuleArgument(t)) continue;
                t.RemoveAnnotations<JToken>();
                t.RemoveAnnotations<JsonTokens.WrittenIn>();
                t.AddAnnotation(expression);
                t.AddAnnotation(new JsonTokens.WrittenIn(file));
                t.AddAnnotation(ModuleArgument.Instance);
            }

            return value;
        }

        /// <summary>
        /// A value converted to its variable's type (the text "8" to a number) found where the value given was; a list or
        /// object converted keeps the places of the values it keeps, and its defaults (optional()) are the module's.
        /// </summary>
        private static JToken KeptWhere(JToken converted, JToken given)
        {
            if (!(converted is JValue) || ReferenceEquals(converted, given) || !IsModuleArgument(given)) return converted;
            converted.RemoveAnnotations<JToken>();
            converted.RemoveAnnotations<JsonTokens.WrittenIn>();
            converted.AddAnnotation(given);
            converted.AddAnnotation(ModuleArgument.Instance);
            return converted;
        }
    }
}
