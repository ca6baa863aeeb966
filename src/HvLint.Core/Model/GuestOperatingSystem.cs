using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HvLint.Model
{
    /// <summary>The guest operating systems whose Hyper-V limits differ (hyperv-facts.md §1.2, §2, §3).</summary>
    public enum GuestProduct
    {
        Unrecognised = 0,
        Windows2000Server,
        WindowsXP,
        WindowsServer2003,
        WindowsVista,
        WindowsServer2008,
        Windows7,
        WindowsServer2008R2,
        Windows8,
        WindowsServer2012,
        Windows81,
        WindowsServer2012R2,
        Windows10,
        WindowsServer2016,
        WindowsServer2019,
        Windows11,
        WindowsServer2022,
        WindowsServer2025,
        Linux,
        FreeBSD,
    }

    /// <summary>
    /// What is known of a guest operating system. Built from a product name as administrators and Hyper-V's
    /// KVP exchange write it ("Windows Server 2003 R2 Enterprise x64 Edition", "Windows Server 2008 R2
    /// Datacenter", "Ubuntu 22.04"), plus optional stated architecture and service pack.
    /// </summary>
    public sealed class GuestOperatingSystem
    {
        public GuestOperatingSystem(string name, GuestProduct product, ProcessorArchitecture? architecture, int? servicePack)
        {
            Name = name;
            Product = product;
            Architecture = architecture;
            ServicePack = servicePack;
        }

        public string Name { get; }

        public GuestProduct Product { get; }

        /// <summary>Null when neither the name nor the input says.</summary>
        public ProcessorArchitecture? Architecture { get; }

        public int? ServicePack { get; }

        public bool IsWindows => Product >= GuestProduct.Windows2000Server && Product <= GuestProduct.WindowsServer2025;

        /// <summary>Windows 2000, XP and Server 2003: installed with a HAL chosen at setup time (KB309283).</summary>
        public bool HasSetupTimeHal => Product == GuestProduct.Windows2000Server || Product == GuestProduct.WindowsXP || Product == GuestProduct.WindowsServer2003;

        /// <summary>
        /// Windows Vista / Server 2008 and later ship integration services in the box (hyperv-facts.md §3, §8
        /// row 3); older Windows needs them installed from the host.
        /// </summary>
        public bool HasInBoxIntegrationServices => Product >= GuestProduct.WindowsVista && Product <= GuestProduct.WindowsServer2025;

        public override string ToString() => Name;

        private static readonly Regex ServicePackPattern = new Regex(@"\b(?:SP|Service\s+Pack)\s*(\d)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>Recognises the product, architecture and service pack in a name; never throws.</summary>
        private static readonly NameCache<GuestOperatingSystem> ByName = new NameCache<GuestOperatingSystem>(n => ParseUncached(n, null, null));

        public static GuestOperatingSystem Parse(string name, ProcessorArchitecture? statedArchitecture = null, int? statedServicePack = null)
        {
            // The plain name is what most inputs carry, and the same few names repeat across a whole estate.
            if (name != null && statedArchitecture == null && statedServicePack == null) return ByName.Get(name);
            return ParseUncached(name, statedArchitecture, statedServicePack);
        }

        private static GuestOperatingSystem ParseUncached(string? name, ProcessorArchitecture? statedArchitecture, int? statedServicePack)
        {
            string n = " " + (name ?? string.Empty).ToLowerInvariant().Replace('-', ' ').Replace('_', ' ') + " ";
            GuestProduct product = Recognise(n);
            ProcessorArchitecture? arch = statedArchitecture;
            if (arch == null)
            {
                if (Contains(n, "x64") || Contains(n, "64 bit") || Contains(n, "amd64") || Contains(n, "x86 64")) arch = ProcessorArchitecture.X64;
                else if (Contains(n, "arm64")) arch = ProcessorArchitecture.Arm64;
                else if (Contains(n, "x86") || Contains(n, "32 bit") || Contains(n, "i386") || Contains(n, "i686")) arch = ProcessorArchitecture.X86;
                else if (IsSixtyFourBitOnly(product)) arch = ProcessorArchitecture.X64;
            }

            int? sp = statedServicePack;
            if (sp == null)
            {
                Match m = ServicePackPattern.Match(name ?? string.Empty);
                if (m.Success) sp = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }

            return new GuestOperatingSystem(name ?? string.Empty, product, arch, sp);
        }

        /// <summary>Windows Server 2008 R2 and later server releases, and Windows 11, have no 32-bit edition.</summary>
        private static bool IsSixtyFourBitOnly(GuestProduct product) =>
            product == GuestProduct.WindowsServer2008R2 || product == GuestProduct.WindowsServer2012 || product == GuestProduct.WindowsServer2012R2 ||
            product == GuestProduct.WindowsServer2016 || product == GuestProduct.WindowsServer2019 || product == GuestProduct.WindowsServer2022 ||
            product == GuestProduct.WindowsServer2025 || product == GuestProduct.Windows11;

        private static bool Contains(string haystack, string needle) => haystack.IndexOf(needle, StringComparison.Ordinal) >= 0;

        private static GuestProduct Recognise(string n)
        {
            if (Contains(n, "windows"))
            {
                if (Contains(n, " 2025")) return GuestProduct.WindowsServer2025;
                if (Contains(n, " 2022")) return GuestProduct.WindowsServer2022;
                if (Contains(n, " 2019")) return GuestProduct.WindowsServer2019;
                if (Contains(n, " 2016")) return GuestProduct.WindowsServer2016;
                if (Contains(n, " 2012 r2")) return GuestProduct.WindowsServer2012R2;
                if (Contains(n, " 2012")) return GuestProduct.WindowsServer2012;
                if (Contains(n, " 2008 r2")) return GuestProduct.WindowsServer2008R2;
                if (Contains(n, " 2008")) return GuestProduct.WindowsServer2008;
                if (Contains(n, " 2003")) return GuestProduct.WindowsServer2003;
                if (Contains(n, " 2000")) return GuestProduct.Windows2000Server;
                if (Contains(n, " xp ")) return GuestProduct.WindowsXP;
                if (Contains(n, " vista ")) return GuestProduct.WindowsVista;
                if (Contains(n, " 11 ")) return GuestProduct.Windows11;
                if (Contains(n, " 10 ")) return GuestProduct.Windows10;
                if (Contains(n, " 8.1 ")) return GuestProduct.Windows81;
                if (Contains(n, " 8 ")) return GuestProduct.Windows8;
                if (Contains(n, " 7 ")) return GuestProduct.Windows7;
                return GuestProduct.Unrecognised;
            }

            if (Contains(n, "freebsd")) return GuestProduct.FreeBSD;
            string[] linux = { "linux", "ubuntu", "debian", "red hat", "rhel", "centos", "suse", "sles", "fedora", "oracle linux", "rocky", "alma" };
            foreach (string l in linux)
            {
                if (Contains(n, l)) return GuestProduct.Linux;
            }

            return GuestProduct.Unrecognised;
        }

        /// <summary>The product's display name, used in messages ("Windows Server 2003").</summary>
        public static string DisplayName(GuestProduct product)
        {
            switch (product)
            {
                case GuestProduct.Windows2000Server: return "Windows 2000 Server";
                case GuestProduct.WindowsXP: return "Windows XP";
                case GuestProduct.WindowsServer2003: return "Windows Server 2003";
                case GuestProduct.WindowsVista: return "Windows Vista";
                case GuestProduct.WindowsServer2008: return "Windows Server 2008";
                case GuestProduct.Windows7: return "Windows 7";
                case GuestProduct.WindowsServer2008R2: return "Windows Server 2008 R2";
                case GuestProduct.Windows8: return "Windows 8";
                case GuestProduct.WindowsServer2012: return "Windows Server 2012";
                case GuestProduct.Windows81: return "Windows 8.1";
                case GuestProduct.WindowsServer2012R2: return "Windows Server 2012 R2";
                case GuestProduct.Windows10: return "Windows 10";
                case GuestProduct.WindowsServer2016: return "Windows Server 2016";
                case GuestProduct.WindowsServer2019: return "Windows Server 2019";
                case GuestProduct.Windows11: return "Windows 11";
                case GuestProduct.WindowsServer2022: return "Windows Server 2022";
                case GuestProduct.WindowsServer2025: return "Windows Server 2025";
                case GuestProduct.Linux: return "Linux";
                case GuestProduct.FreeBSD: return "FreeBSD";
                default: return "an unrecognised operating system";
            }
        }
    }
}
