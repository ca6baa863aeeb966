using System;
using System.Collections.Generic;
using System.Globalization;
using HvLint.Model;

namespace HvLint.Profiles
{
    /// <summary>
    /// The per-release limits. Sources are the keys of hyperv-facts.md §0: R2LIM, CMP, J2012, SCALE,
    /// TB-20090512 / TB-20090617 (2008 logical processors and running VMs with KB956710 / SP2),
    /// TB-20110425 (VP:LP ratio), MACHV (NIC split and configuration versions).
    /// </summary>
    public static class ProfileCatalog
    {
        private const long GiB = 1L << 30;
        private const long TiB = 1L << 40;
        private const long PiB = 1L << 50;

        public const string DefaultId = "hyperv-2008r2";

        public static IReadOnlyList<HyperVProfile> All { get; } = Build();

        public static HyperVProfile Default => Get(HyperVVersion.V2008R2);

        public static HyperVProfile Get(HyperVVersion version) => All[(int)version];

        public static HyperVProfile? Find(string? id)
        {
            if (id == null) return null;
            string key = id.Trim().ToLowerInvariant();
            if (!key.StartsWith("hyperv-", StringComparison.Ordinal)) key = "hyperv-" + key.Replace(" ", string.Empty);
            foreach (HyperVProfile p in All)
            {
                if (p.Id == key) return p;
            }

            return null;
        }

        public static string KnownIds => string.Join(", ", Ids());

        private static IEnumerable<string> Ids()
        {
            foreach (HyperVProfile p in All) yield return p.Id;
        }

        /// <summary>
        /// The release a host operating system name belongs to ("Windows Server 2008 R2 Datacenter",
        /// "Microsoft Hyper-V Server 2012 R2"); null when the name names none.
        /// </summary>
        public static HyperVVersion? VersionOfHostOperatingSystem(string? name)
        {
            if (string.IsNullOrEmpty(name)) return null;
            string n = " " + name!.ToLowerInvariant() + " ";
            if (n.Contains(" 2025")) return HyperVVersion.V2025;
            if (n.Contains(" 2022")) return HyperVVersion.V2022;
            if (n.Contains(" 2019")) return HyperVVersion.V2019;
            if (n.Contains(" 2016")) return HyperVVersion.V2016;
            if (n.Contains(" 2012 r2")) return HyperVVersion.V2012R2;
            if (n.Contains(" 2012")) return HyperVVersion.V2012;
            if (n.Contains(" 2008 r2")) return HyperVVersion.V2008R2;
            if (n.Contains(" 2008")) return HyperVVersion.V2008;
            return null;
        }

        /// <summary>
        /// The oldest release that writes a VM configuration version (hyperv-facts.md §1.1 last rows:
        /// 2008 R2 3.x, 2012 4.0, 2012 R2 5.0, 2016 8.0, 2019 9.0, 2022 10.0). Versions between two known
        /// defaults map to the older release (a 2016 host reads 6.2 and 7.x, which Windows 10 previews wrote).
        /// Null for a value that is not a version.
        /// </summary>
        public static HyperVVersion? OldestVersionForConfigurationVersion(string? configurationVersion)
        {
            if (string.IsNullOrWhiteSpace(configurationVersion)) return null;
            if (!Version.TryParse(configurationVersion!.Trim(), out Version? v))
            {
                if (!int.TryParse(configurationVersion.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int major)) return null;
                v = new Version(major, 0);
            }

            if (v.Major >= 10) return HyperVVersion.V2022;
            if (v.Major >= 9) return HyperVVersion.V2019;
            if (v.Major >= 6) return HyperVVersion.V2016;
            if (v.Major >= 5) return HyperVVersion.V2012R2;
            if (v.Major >= 4) return HyperVVersion.V2012;
            if (v.Major >= 3) return HyperVVersion.V2008R2;
            return HyperVVersion.V2008;
        }

        /// <summary>
        /// The most virtual processors a guest operating system supports on this release, or null when no
        /// lower cap than the platform's is stated (hyperv-facts.md §1.2: BPA-PS rules 500–506, GUESTOS).
        /// </summary>
        public static int? GuestVirtualProcessorCap(HyperVProfile profile, GuestOperatingSystem guest)
        {
            bool hostIs2008Era = profile.Version <= HyperVVersion.V2008R2;
            switch (guest.Product)
            {
                case GuestProduct.Windows2000Server:
                    // Windows 2000 Server SP4: 1 virtual processor on 2008 / 2008 R2 (§1.2; not found verbatim).
                    return 1;
                case GuestProduct.WindowsServer2003:
                    // BPA-PS rule500: "Configure virtual machines running Windows Server 2003 with 1 or 2 virtual processors".
                    return 2;
                case GuestProduct.WindowsXP:
                    // BPA-PS rule503: XP SP2 x86 with 1; rule504: XP SP3 x86 with 1 or 2; rule505: XP SP2 x64 with 1 or 2.
                    if (guest.Architecture == ProcessorArchitecture.X86 && guest.ServicePack.HasValue && guest.ServicePack.Value <= 2) return 1;
                    return 2;
                case GuestProduct.WindowsVista:
                    // BPA-PS rule502 (Error): Vista with 1 or 2.
                    return 2;
                case GuestProduct.Windows7:
                    // BPA-PS rule506 (Error): Windows 7 with no more than 4; GUESTOS: Windows 7 SP1 = 4.
                    return 4;
                case GuestProduct.WindowsServer2008:
                    // Windows Server 2008 SP2: 4 on 2008 / 2008 R2 hosts, 8 on 2016 and later (GUESTOS);
                    // the 2012 / 2012 R2 figure was not verified, so no cap is applied there.
                    if (hostIs2008Era) return 4;
                    if (profile.Version >= HyperVVersion.V2016) return 8;
                    return null;
                case GuestProduct.Windows81:
                case GuestProduct.Windows10:
                case GuestProduct.Windows11:
                    // GUESTOS: Windows 8.1 / 10 / 11 support 32 virtual processors.
                    return 32;
                default:
                    return null;
            }
        }

        private static IReadOnlyList<HyperVProfile> Build()
        {
            var list = new List<HyperVProfile>();

            // Common to every release (SCALE, R2LIM ✔): 2 IDE controllers × 2 devices, 4 SCSI × 64 disks,
            // VHD 2040 GB, 50 checkpoints per VM.
            HyperVProfile Make(HyperVVersion v, string id, string name)
            {
                var p = new HyperVProfile(v, id, name)
                {
                    IdeControllers = 2,
                    DrivesPerIdeController = 2,
                    ScsiControllers = 4,
                    DisksPerScsiController = 64,
                    MaxVhdBytes = 2040 * GiB,
                    MaxCheckpoints = 50,
                    // 8 synthetic + 4 legacy adapters up to 2016 (R2LIM, CMP, SCALE 2016 pivot).
                    MaxSyntheticNetworkAdapters = 8,
                    MaxLegacyNetworkAdapters = 4,
                };
                list.Add(p);
                return p;
            }

            // Windows Server 2008 (Hyper-V 1.0). TB-20090512 / TB-20090617: 16 logical processors at RTM,
            // 24 with KB956710 or SP2, which also raised running VMs from 128 to 192. 4 vCPUs, 64 GB per VM
            // (32 GB on Standard), 1 TB host memory (32 GB on Standard). 8 VPs per LP (TB-20110425 ~).
            HyperVProfile p2008 = Make(HyperVVersion.V2008, "hyperv-2008", "Hyper-V on Windows Server 2008");
            p2008.MaxVirtualProcessorsGeneration1 = 4;
            p2008.MaxMemoryGeneration1Bytes = 64 * GiB;
            p2008.MaxMemoryOnStandardEditionBytes = 32 * GiB;
            p2008.MaxHostLogicalProcessors = 24;
            p2008.MaxHostMemoryBytes = 1 * TiB;
            p2008.MaxHostMemoryOnStandardEditionBytes = 32 * GiB;
            p2008.MaxRunningVirtualMachines = 192;
            p2008.MaxVirtualProcessorRatio = 8;

            // Windows Server 2008 R2 / SP1 (R2LIM, CMP ✔): 4 vCPUs and 64 GB per VM (32 GB on Standard SP1),
            // 64 logical processors, 1 TB host memory, 384 running VMs; 8:1, or 12:1 when every guest is
            // Windows 7 (TB-20110425 ✔). Configuration version 3.x (MACHV ~).
            HyperVProfile p2008r2 = Make(HyperVVersion.V2008R2, "hyperv-2008r2", "Hyper-V on Windows Server 2008 R2");
            p2008r2.MaxVirtualProcessorsGeneration1 = 4;
            p2008r2.MaxMemoryGeneration1Bytes = 64 * GiB;
            p2008r2.MaxMemoryOnStandardEditionBytes = 32 * GiB;
            p2008r2.MaxHostLogicalProcessors = 64;
            p2008r2.MaxHostMemoryBytes = 1 * TiB;
            p2008r2.MaxHostMemoryOnStandardEditionBytes = 32 * GiB;
            p2008r2.MaxRunningVirtualMachines = 384;
            p2008r2.MaxVirtualProcessorRatio = 8;
            p2008r2.MaxVirtualProcessorRatioAllWindows7 = 12;
            p2008r2.DefaultConfigurationVersion = "3.0";

            // Windows Server 2012 (CMP, J2012 ✔): 64 vCPUs, 1 TB per VM, 320 LPs, 4 TB host, 1024 running
            // VMs, no VP:LP ratio; VHDX up to 64 TB. Configuration version 4.0.
            HyperVProfile p2012 = Make(HyperVVersion.V2012, "hyperv-2012", "Hyper-V on Windows Server 2012");
            SetModern(p2012, vcpu1: 64, vcpu2: null, mem1: 1 * TiB, mem2: null, lps: 320, hostMem: 4 * TiB);
            p2012.DefaultConfigurationVersion = "4.0";

            // Windows Server 2012 R2 (CMP, J2012 ✔): as 2012, plus Generation 2 (64 vCPUs, 1 TB).
            HyperVProfile p2012r2 = Make(HyperVVersion.V2012R2, "hyperv-2012r2", "Hyper-V on Windows Server 2012 R2");
            SetModern(p2012r2, vcpu1: 64, vcpu2: 64, mem1: 1 * TiB, mem2: 1 * TiB, lps: 320, hostMem: 4 * TiB);
            p2012r2.DefaultConfigurationVersion = "5.0";

            // Windows Server 2016 (SCALE ✔): Gen2 240 vCPUs / 12 TB, Gen1 64 / 1 TB; 512 LPs; 24 TB host.
            HyperVProfile p2016 = Make(HyperVVersion.V2016, "hyperv-2016", "Hyper-V on Windows Server 2016");
            SetModern(p2016, vcpu1: 64, vcpu2: 240, mem1: 1 * TiB, mem2: 12 * TiB, lps: 512, hostMem: 24 * TiB);
            p2016.DefaultConfigurationVersion = "8.0";

            // Windows Server 2019 (SCALE ✔): as 2016; 64 synthetic + 4 legacy adapters (one SCALE revision
            // says 250 vCPUs and 72 adapters; most sources, and HvLint, use 240 and 64 + 4).
            HyperVProfile p2019 = Make(HyperVVersion.V2019, "hyperv-2019", "Hyper-V on Windows Server 2019");
            SetModern(p2019, vcpu1: 64, vcpu2: 240, mem1: 1 * TiB, mem2: 12 * TiB, lps: 512, hostMem: 24 * TiB);
            p2019.MaxSyntheticNetworkAdapters = 64;
            p2019.DefaultConfigurationVersion = "9.0";

            // Windows Server 2022 (SCALE ✔): Gen2 1024 vCPUs / 240 TB; 1024 LPs; 4 PB host memory with
            // 5-level paging (256 TB without: the larger figure is used, so no host is flagged on a guess).
            HyperVProfile p2022 = Make(HyperVVersion.V2022, "hyperv-2022", "Hyper-V on Windows Server 2022");
            SetModern(p2022, vcpu1: 64, vcpu2: 1024, mem1: 1 * TiB, mem2: 240 * TiB, lps: 1024, hostMem: 4 * PiB);
            p2022.MaxSyntheticNetworkAdapters = 64;
            p2022.DefaultConfigurationVersion = "10.0";

            // Windows Server 2025 (SCALE ✔): Gen2 2048 vCPUs / 240 TB; 2048 LPs.
            HyperVProfile p2025 = Make(HyperVVersion.V2025, "hyperv-2025", "Hyper-V on Windows Server 2025");
            SetModern(p2025, vcpu1: 64, vcpu2: 2048, mem1: 1 * TiB, mem2: 240 * TiB, lps: 2048, hostMem: 4 * PiB);
            p2025.MaxSyntheticNetworkAdapters = 64;

            return list;
        }

        private static void SetModern(HyperVProfile p, int vcpu1, int? vcpu2, long mem1, long? mem2, int lps, long hostMem)
        {
            p.MaxVirtualProcessorsGeneration1 = vcpu1;
            p.MaxVirtualProcessorsGeneration2 = vcpu2;
            p.MaxMemoryGeneration1Bytes = mem1;
            p.MaxMemoryGeneration2Bytes = mem2;
            p.MaxHostLogicalProcessors = lps;
            p.MaxHostMemoryBytes = hostMem;
            // 1024 running VMs per host from 2012 on (CMP, J2012, SCALE ✔).
            p.MaxRunningVirtualMachines = 1024;
            // VHDX: 64 TB from 2012 on (SCALE ✔).
            p.MaxVhdxBytes = 64 * TiB;
        }
    }
}
