using System.Collections.Generic;
using System.Collections.Immutable;
using HvLint.Model;
using HvLint.Rules;
using Microsoft.CodeAnalysis;

namespace HvLint.Analyzers
{
    /// <summary>The catalog as Roslyn descriptors: the same IDs, titles, severities and help pages as the CLI.</summary>
    internal static class HvLintDescriptors
    {
        public static readonly ImmutableArray<DiagnosticDescriptor> All = Build();

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = Index();

        public static DiagnosticDescriptor? Find(string id) => ById.TryGetValue(id, out DiagnosticDescriptor? d) ? d : null;

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
