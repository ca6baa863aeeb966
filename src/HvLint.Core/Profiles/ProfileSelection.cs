using System.Collections.Generic;
using System.Globalization;
using HvLint.Model;

namespace HvLint.Profiles
{
    /// <summary>The profile an audit uses and, in words, why (DESIGN.md principle 3).</summary>
    public sealed class ProfileChoice
    {
        public ProfileChoice(HyperVProfile profile, string reason)
        {
            Profile = profile;
            Reason = reason;
        }

        public HyperVProfile Profile { get; }

        /// <summary>"set by --profile", "declared by samples/x.json(2,14)", ...</summary>
        public string Reason { get; }

        public override string ToString() => Profile.Id + " (" + Reason + ")";
    }

    /// <summary>One piece of evidence about the Hyper-V release an input was written for.</summary>
    public sealed class ProfileEvidence
    {
        public ProfileEvidence(HyperVVersion minimum, string what, SourceLocation location)
        {
            Minimum = minimum;
            What = what;
            Location = location;
        }

        /// <summary>
        /// A Secure Boot template named or given by its ID: 2016 or later. Templates, and with them the UEFI CA one Linux
        /// boots with, arrived with Windows Server 2016; the Secure Boot of 2012 R2 is for Windows guests only (HV4006).
        /// </summary>
        public static ProfileEvidence SecureBootTemplate(SourceLocation location) => new ProfileEvidence(HyperVVersion.V2016, "a Secure Boot template", location);

        /// <summary>The oldest release consistent with this evidence.</summary>
        public HyperVVersion Minimum { get; }

        /// <summary>"VM 'web01' is Generation 2".</summary>
        public string What { get; }

        public SourceLocation Location { get; }
    }

    /// <summary>
    /// Gathers declarations and evidence from the inputs and chooses: the command line, else the
    /// configuration, else the input's own declaration, else the oldest release consistent with all the
    /// evidence, else hyperv-2008r2 (the platform of HvLint's seed notes).
    /// </summary>
    public sealed class ProfileSelector
    {
        private readonly List<KeyValuePair<HyperVProfile, SourceLocation>> _declarations = new List<KeyValuePair<HyperVProfile, SourceLocation>>();
        private ProfileEvidence? _strongest;

        public void Declare(HyperVProfile profile, SourceLocation location) => _declarations.Add(new KeyValuePair<HyperVProfile, SourceLocation>(profile, location));

        public void AddEvidence(ProfileEvidence evidence)
        {
            // Keep the evidence that demands the newest release; among equals, the first seen.
            if (_strongest == null || evidence.Minimum > _strongest.Minimum) _strongest = evidence;
        }

        public bool HasDeclaration => _declarations.Count > 0;

        public ProfileChoice Choose(HyperVProfile? commandLine, HyperVProfile? configuration, string? configurationSource)
        {
            if (commandLine != null) return new ProfileChoice(commandLine, "set by --profile");
            if (configuration != null) return new ProfileChoice(configuration, "set by " + (configurationSource ?? "the configuration"));
            if (_declarations.Count > 0)
            {
                KeyValuePair<HyperVProfile, SourceLocation> chosen = _declarations[0];
                bool conflict = false;
                foreach (var d in _declarations)
                {
                    if (d.Key != chosen.Key) conflict = true;
                    if (d.Key.Version > chosen.Key.Version) chosen = d;
                }

                string reason = "declared by " + Where(chosen.Value);
                if (conflict) reason += "; the inputs declare different profiles and the newest is used";
                return new ProfileChoice(chosen.Key, reason);
            }

            if (_strongest != null)
            {
                return new ProfileChoice(ProfileCatalog.Get(_strongest.Minimum), "oldest release consistent with the input: " + _strongest.What + " at " + Where(_strongest.Location));
            }

            return new ProfileChoice(ProfileCatalog.Default, "default: nothing in the input names a Hyper-V release; pass --profile to choose one");
        }

        private static string Where(SourceLocation l) =>
            l.HasPosition ? l.Path + "(" + l.Line.ToString(CultureInfo.InvariantCulture) + "," + l.Column.ToString(CultureInfo.InvariantCulture) + ")" : l.Path;
    }
}
