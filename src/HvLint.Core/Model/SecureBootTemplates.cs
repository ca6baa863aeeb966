using System;

namespace HvLint.Model
{
    /// <summary>
    /// Hyper-V's Secure Boot templates by name, and the two whose template IDs public sources agree on: the name
    /// Set-VMFirmware -SecureBootTemplate takes for the GUID -SecureBootTemplateId, Get-VMFirmware's SecureBootTemplateId
    /// and WMI's Msvm_VirtualSystemSettingData.SecureBootTemplateId hold. MicrosoftWindows is
    /// 1734c6e8-3154-4dda-ba5f-a874cc483422 (the template hcsshim and the Host Compute Service samples name for "Microsoft
    /// Windows"); MicrosoftUEFICertificateAuthority is 272e7447-90a4-4563-a4b9-8e4ab00526ce (the HyperV.NET library's
    /// template IDs, and Linux provisioning scripts that set it for Ubuntu). The OpenSourceShieldedVM template's ID is
    /// given differently by different sources, so it is not mapped.
    /// </summary>
    public static class SecureBootTemplates
    {
        public const string MicrosoftWindows = "MicrosoftWindows";

        public const string MicrosoftUefiCertificateAuthority = "MicrosoftUEFICertificateAuthority";

        private static readonly Guid MicrosoftWindowsId = new Guid("1734c6e8-3154-4dda-ba5f-a874cc483422");
        private static readonly Guid MicrosoftUefiCertificateAuthorityId = new Guid("272e7447-90a4-4563-a4b9-8e4ab00526ce");

        /// <summary>The template's name for its ID (with or without braces, in any case); null for another ID or text.</summary>
        public static string? NameOfId(string? id)
        {
            if (id == null || !Guid.TryParse(id.Trim(), out Guid g)) return null;
            return g == MicrosoftWindowsId ? MicrosoftWindows : g == MicrosoftUefiCertificateAuthorityId ? MicrosoftUefiCertificateAuthority : null;
        }

        /// <summary>The MicrosoftUEFICertificateAuthority template's ID, written as <paramref name="like"/> writes a GUID (case, braces).</summary>
        public static string UefiCertificateAuthorityIdLike(string like)
        {
            string id = MicrosoftUefiCertificateAuthorityId.ToString("D");
            foreach (char c in like)
            {
                if (char.IsLetter(c)) { if (char.IsUpper(c)) id = id.ToUpperInvariant(); break; }
            }

            return like.TrimStart().StartsWith("{", StringComparison.Ordinal) ? "{" + id + "}" : id;
        }
    }
}
