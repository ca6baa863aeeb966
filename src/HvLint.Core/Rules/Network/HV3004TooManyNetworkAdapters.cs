using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Network
{
    /// <summary>HV3004: synthetic and legacy adapters counted against the release's limits (8 + 4; 64 + 4 from 2019).</summary>
    public sealed class HV3004TooManyNetworkAdapters : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.TooManyNetworkAdapters, "TooManyNetworkAdapters",
            "Too many network adapters", RuleCategory.Network, Severity.Error,
            "A VM has at most 8 synthetic and 4 legacy network adapters up to Windows Server 2016, and 64 synthetic and 4 legacy from 2019. Adding one more fails.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            int synthetic = 0, legacy = 0;
            foreach (NetworkAdapter adapter in context.VirtualMachine.NetworkAdapters.Items)
            {
                if (!adapter.IsLegacy.IsKnown) continue;
                if (adapter.IsLegacy.Value)
                {
                    legacy++;
                    if (legacy == context.Profile.MaxLegacyNetworkAdapters + 1) Report(context, adapter, "legacy", context.Profile.MaxLegacyNetworkAdapters);
                }
                else
                {
                    synthetic++;
                    if (synthetic == context.Profile.MaxSyntheticNetworkAdapters + 1) Report(context, adapter, "synthetic", context.Profile.MaxSyntheticNetworkAdapters);
                }
            }
        }

        private static void Report(VirtualMachineContext context, NetworkAdapter adapter, string kind, int limit)
        {
            context.Report(adapter.Location, VirtualMachineContext.Format(
                "{0} has more than {1} {2} network adapters ('{3}' is number {4}); {5} allows {1}",
                context.VmLabel, limit, kind, adapter.DisplayName, limit + 1, context.Profile.Id), kind);
        }
    }
}
