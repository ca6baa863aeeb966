using HvLint.Model;

namespace HvLint.Rules
{
    public enum RuleCategory
    {
        Compute,
        Storage,
        Network,
        Guest,
        Host,
        Availability,
        Security,
        ProvisioningApi,
        Tool,

        /// <summary>A rule from a declarative rule pack, not from the built-in catalog.</summary>
        Pack,
    }

    /// <summary>What a rule is, independent of any front end: the CLI, the analyzers and SARIF read this.</summary>
    public sealed class RuleDescriptor
    {
        /// <summary>Rule pages live in the repository's rules/ folder; every help link points there.</summary>
        public const string HelpUriBase = "https://github.com/hvlint/hvlint/blob/main/rules/";

        private RuleDescriptor(string id, string name, string title, RuleCategory category, Severity defaultSeverity, string description, string? helpUri = null)
        {
            _helpUri = helpUri;
            Id = id;
            Name = name;
            Title = title;
            Category = category;
            DefaultSeverity = defaultSeverity;
            Description = description;
        }

        public string Id { get; }

        /// <summary>PascalCase name (SARIF reportingDescriptor.name).</summary>
        public string Name { get; }

        /// <summary>One line, no trailing period.</summary>
        public string Title { get; }

        public RuleCategory Category { get; }

        public Severity DefaultSeverity { get; }

        /// <summary>One paragraph: what is checked and why it matters on Hyper-V.</summary>
        public string Description { get; }

        private readonly string? _helpUri;

        public string HelpUri => _helpUri ?? HelpUriBase + Id + ".md";

        /// <summary>The pack a rule comes from; null for the built-in catalog.</summary>
        public string? Pack { get; private set; }

        /// <summary>A rule of a declarative pack, with the pack's own help link.</summary>
        public static RuleDescriptor CreateForPack(string pack, string id, string title, Severity defaultSeverity, string description, string helpUri) =>
            new RuleDescriptor(id, PascalCase(title), title, RuleCategory.Pack, defaultSeverity, description, helpUri) { Pack = pack };

        private static string PascalCase(string title)
        {
            var sb = new System.Text.StringBuilder();
            bool upper = true;
            foreach (char c in title)
            {
                if (char.IsLetterOrDigit(c))
                {
                    sb.Append(upper ? char.ToUpperInvariant(c) : c);
                    upper = false;
                }
                else
                {
                    upper = true;
                }
            }

            return sb.ToString();
        }

        /// <summary>The one way descriptors are made, so every rule gets the same shape of help link.</summary>
        public static RuleDescriptor Create(string id, string name, string title, RuleCategory category, Severity defaultSeverity, string description) =>
            new RuleDescriptor(id, name, title, category, defaultSeverity, description);

        public override string ToString() => Id + " " + Title;
    }
}
