using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using HvLint.Model;
using HvLint.Rules;
using Microsoft.CodeAnalysis;

namespace HvLint.Analyzers
{
    /// <summary>The catalog as Roslyn descriptors: the same IDs, titles, severities and help pages as the CLI.</summary>
    internal static class HvLintDescriptors
    {
        /// <summary>
        /// Rules from declarative packs have IDs Roslyn cannot know in advance; they are reported under this one
        /// ID, with the pack rule's own ID first in the message, so a build configures them all at once
        /// (dotnet_diagnostic.HVPACK.severity).
        /// </summary>
        public static readonly DiagnosticDescriptor Pack = new DiagnosticDescriptor(
            "HVPACK", "Rule from an HvLint rule pack", "{0}", "HvLint.Pack", DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "A finding of a declarative rule pack added to the project as an AdditionalFile; the message starts with the pack rule's ID.",
            helpLinkUri: "https://github.com/hvlint/hvlint/blob/main/rules/packs/README.md");

        public static readonly ImmutableArray<DiagnosticDescriptor> All = Build();

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = Index();

        public static DiagnosticDescriptor? Find(string id) => ById.TryGetValue(id, out DiagnosticDescriptor? d) ? d : null;

        /// <summary>
        /// A finding of the engine as a Roslyn diagnostic at <paramref name="location"/>, with the finding's own
        /// severity and the properties the code fixes read ("maximum", "vm", "recommended"), plus
        /// <paramref name="extra"/> (where in the code the finding is, e.g. <see cref="InScript"/>).
        /// </summary>
        public static Diagnostic ToDiagnostic(HvLint.Engine.Finding f, DiagnosticDescriptor descriptor, Location location, string? message = null, IEnumerable<KeyValuePair<string, string>>? extra = null)
        {
            ImmutableDictionary<string, string?> properties = f.Properties.Count == 0 ? ImmutableDictionary<string, string?>.Empty : f.Properties.ToImmutableDictionary(p => p.Key, p => (string?)p.Value);
            foreach (KeyValuePair<string, string> e in extra ?? Enumerable.Empty<KeyValuePair<string, string>>()) properties = properties.SetItem(e.Key, e.Value);
            return Diagnostic.Create(descriptor, location, ToRoslyn(f.Severity), null, properties, message ?? f.Message);
        }

        /// <summary>The finding is inside PowerShell script text (AddScript or a configured sink), not a command's value.</summary>
        public static readonly KeyValuePair<string, string> InScript = new KeyValuePair<string, string>("in", "script");

        /// <summary>
        /// The code of the finding is read for several VMs (in a loop, or for a list of VM names): "all" when the rule
        /// finds the same there for each of them, "some" when not. A fix that names the VM would name only one of them;
        /// one that changes the value there changes it for all of them.
        /// </summary>
        public const string SeveralVms = "severalVms";

        /// <summary>
        /// The finding's VM is named by a symbol, not a name ("vm" is {vmName} for a C# parameter or local, $Name for a
        /// script parameter): a fix names it by that variable, not as a string.
        /// </summary>
        public static readonly KeyValuePair<string, string> VmNamedBySymbol = new KeyValuePair<string, string>("vmNamedBy", "symbol");

        /// <summary>
        /// For a finding in script text: the source position where its PowerShell statement ends (after its last
        /// character, before what separates it from the next), so that a fix can add a statement after it.
        /// </summary>
        public const string StatementEnd = "statementEnd";

        /// <summary>For a fix that inserts text (HV8004's New-VM -Generation 2): the source position, and the text.</summary>
        public const string InsertAt = "insertAt";

        /// <inheritdoc cref="InsertAt"/>
        public const string InsertText = "insertText";

        public static DiagnosticSeverity ToRoslyn(Severity s) =>
            s == Severity.Error ? DiagnosticSeverity.Error : s == Severity.Warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info;

        private static ImmutableArray<DiagnosticDescriptor> Build()
        {
            var list = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
            foreach (RuleDescriptor d in RuleCatalog.Descriptors)
            {
                list.Add(new DiagnosticDescriptor(
                    d.Id, d.Title, "{0}", "HvLint." + d.Category, ToRoslyn(d.DefaultSeverity), isEnabledByDefault: d.DefaultSeverity != Severity.None,
                    description: d.Description, helpLinkUri: d.HelpUri, customTags: d.Category == RuleCategory.Tool ? new[] { WellKnownDiagnosticTags.NotConfigurable } : new string[0]));
            }

            list.Add(Pack);
            return list.ToImmutable();
        }

        private static Dictionary<string, DiagnosticDescriptor> Index()
        {
            var map = new Dictionary<string, DiagnosticDescriptor>();
            foreach (DiagnosticDescriptor d in All) map[d.Id] = d;
            return map;
        }
    }
}
