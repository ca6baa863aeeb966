using System;
using HvLint.Model;

namespace HvLint.Profiles
{
    /// <summary>The Hyper-V releases HvLint knows, oldest first; the order is used for "oldest consistent".</summary>
    public enum HyperVVersion
    {
        V2008 = 0,
        V2008R2 = 1,
        V2012 = 2,
        V2012R2 = 3,
        V2016 = 4,
        V2019 = 5,
        V2022 = 6,
        V2025 = 7,
    }

    /// <summary>
    /// The platform limits of one Hyper-V release. Rules read limits from here, never from literals
    /// (DESIGN.md principle 3). Values and sources: hyperv-facts.md §1.1; see <see cref="ProfileCatalog"/>.
    /// </summary>
    public sealed class HyperVProfile
    {
        internal HyperVProfile(HyperVVersion version, string id, string displayName)
        {
            Version = version;
            Id = id;
            DisplayName = displayName;
        }

        public HyperVVersion Version { get; }

        /// <summary>"hyperv-2008r2".</summary>
        public string Id { get; }

        /// <summary>"Hyper-V on Windows Server 2008 R2".</summary>
        public string DisplayName { get; }

        public int MaxVirtualProcessorsGeneration1 { get; internal set; }

        /// <summary>Null when the release has no Generation 2 VMs.</summary>
        public int? MaxVirtualProcessorsGeneration2 { get; internal set; }

        public long MaxMemoryGeneration1Bytes { get; internal set; }

        public long? MaxMemoryGeneration2Bytes { get; internal set; }

        /// <summary>Lower per-VM memory limit when the host runs a Standard edition (2008, 2008 R2 SP1).</summary>
        public long? MaxMemoryOnStandardEditionBytes { get; internal set; }

        public int MaxHostLogicalProcessors { get; internal set; }

        public long MaxHostMemoryBytes { get; internal set; }

        public long? MaxHostMemoryOnStandardEditionBytes { get; internal set; }

        public int MaxRunningVirtualMachines { get; internal set; }

        /// <summary>Supported virtual-to-logical processor ratio; null when the release states none.</summary>
        public double? MaxVirtualProcessorRatio { get; internal set; }

        /// <summary>The higher ratio allowed when every running guest is Windows 7.</summary>
        public double? MaxVirtualProcessorRatioAllWindows7 { get; internal set; }

        public int MaxSyntheticNetworkAdapters { get; internal set; }

        public int MaxLegacyNetworkAdapters { get; internal set; }

        public int IdeControllers { get; internal set; }

        public int DrivesPerIdeController { get; internal set; }

        public int ScsiControllers { get; internal set; }

        public int DisksPerScsiController { get; internal set; }

        public long MaxVhdBytes { get; internal set; }

        /// <summary>Null when the release cannot use VHDX (2008, 2008 R2).</summary>
        public long? MaxVhdxBytes { get; internal set; }

        public int MaxCheckpoints { get; internal set; }

        public bool SupportsGeneration2 => MaxVirtualProcessorsGeneration2.HasValue;

        /// <summary>Default VM configuration version on this release ("5.0"); null when not verified.</summary>
        public string? DefaultConfigurationVersion { get; internal set; }

        /// <summary>The per-VM vCPU limit for a generation; an unknown generation gets null unless both agree.</summary>
        public int? MaxVirtualProcessors(Fact<int> generation)
        {
            if (!SupportsGeneration2) return MaxVirtualProcessorsGeneration1;
            if (!generation.IsKnown) return Math.Max(MaxVirtualProcessorsGeneration1, MaxVirtualProcessorsGeneration2!.Value);
            return generation.Value == 2 ? MaxVirtualProcessorsGeneration2 : MaxVirtualProcessorsGeneration1;
        }

        /// <summary>The per-VM memory limit; with an unknown generation, the larger of the two (never a guess).</summary>
        public long MaxMemoryBytes(Fact<int> generation, bool hostIsStandardEdition)
        {
            if (hostIsStandardEdition && MaxMemoryOnStandardEditionBytes.HasValue) return MaxMemoryOnStandardEditionBytes.Value;
            if (!MaxMemoryGeneration2Bytes.HasValue) return MaxMemoryGeneration1Bytes;
            if (!generation.IsKnown) return Math.Max(MaxMemoryGeneration1Bytes, MaxMemoryGeneration2Bytes.Value);
            return generation.Value == 2 ? MaxMemoryGeneration2Bytes.Value : MaxMemoryGeneration1Bytes;
        }

        public override string ToString() => Id;
    }
}
