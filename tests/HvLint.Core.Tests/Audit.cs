using HvLint.Engine;
using HvLint.Profiles;

namespace HvLint.Tests;

/// <summary>Runs the real engine on inline inventory text, the way the CLI does for a file.</summary>
internal static class Audit
{
    public static AuditResult Run(string json, string? profile = null, RuleSettings? settings = null) =>
        RunFiles(new[] { ("inventory.json", json) }, profile, settings);

    public static AuditResult RunFiles(IEnumerable<(string Path, string Text)> files, string? profile = null, RuleSettings? settings = null)
    {
        var options = new AuditOptions { Profile = profile == null ? null : ProfileCatalog.Find(profile) ?? throw new ArgumentException(profile) };
        if (settings != null) options.Settings = settings;
        return Auditor.Run(files.Select(f => InputDocument.FromText(f.Path, f.Text)).ToList(), options);
    }

    /// <summary>The IDs of the findings, in the engine's order.</summary>
    public static string[] Ids(this AuditResult result) => result.Findings.Select(f => f.Descriptor.Id).ToArray();

    public static Finding[] Of(this AuditResult result, string id) => result.Findings.Where(f => f.Descriptor.Id == id).ToArray();

    /// <summary>One VM, written as JSON properties, in a document for the given profile.</summary>
    public static string Vm(string properties, string profile = "hyperv-2008r2") =>
        "{ \"profile\": \"" + profile + "\", \"virtualMachines\": [ { \"name\": \"vm1\", " + properties + " } ] }";

    /// <summary>One host, written as JSON properties.</summary>
    public static string Host(string properties, string? profile = null) =>
        "{ " + (profile == null ? string.Empty : "\"profile\": \"" + profile + "\", ") + "\"hosts\": [ { \"name\": \"hv1\", " + properties + " } ] }";
}
