using System.Text;
using HvLint.Engine;
using Microsoft.Extensions.FileSystemGlobbing;

namespace HvLint.Cli;

/// <summary>Turns command-line paths (files, folders, globs) into inputs, sorted, each named relative to the current folder.</summary>
internal static class InputFiles
{
    /// <summary>What a folder walk reads (.hcl for Packer's *.pkr.hcl, .tfvars for Terraform's variable definitions, .ps1 and .psm1 for provisioning scripts and their modules, .csv for Export-Csv of the Hyper-V cmdlets); anything else in a folder is not even opened.</summary>
    private static readonly string[] WalkedExtensions = [".json", ".xml", ".csv", ".cs", ".ps1", ".psm1", ".tf", ".hcl", ".tfvars"];

    /// <summary>HvLint's configuration and baseline, which a walk of the folder they configure must not audit.</summary>
    private static readonly string[] OwnFiles = ["hvlint.json", "hvlint.baseline.json"];

    /// <summary>Folders a walk never enters: build output and tool state, never VM definitions (.terraform holds the modules and providers terraform init downloaded, of which only the modules its manifest lists are read, through <see cref="AddCalledModules"/>; packer_cache the ISOs packer build downloaded).</summary>
    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", ".vs", "node_modules", "TestResults", ".terraform", "packer_cache"];

    /// <param name="missing">The paths that name nothing.</param>
    /// <param name="unreadable">Each folder a walk could not list, and why.</param>
    /// <param name="stdin">What the path "-" reads: standard input, under the name it is given.</param>
    public static IReadOnlyList<InputDocument> Expand(IEnumerable<string> paths, List<string> missing, List<(string Folder, string Why)> unreadable, StandardInput? stdin = null)
    {
        var byPath = new SortedDictionary<string, InputDocument>(StringComparer.Ordinal);
        foreach (string raw in paths)
        {
            if (raw == "-" && stdin != null)
            {
                // Get-VM | ConvertTo-Json -Depth 4 | hvlint audit -: one input, read once however often it is opened.
                byte[] bytes = stdin.Bytes;
                byPath[stdin.Name] = new InputDocument(stdin.Name, () => Decode(new MemoryStream(bytes, writable: false)), namedExplicitly: true);
            }
            else if (File.Exists(raw))
            {
                Add(byPath, Path.GetFullPath(raw), namedExplicitly: true);
            }
            else if (Directory.Exists(raw))
            {
                foreach (string f in Walk(Path.GetFullPath(raw), unreadable)) Add(byPath, f, namedExplicitly: false);
            }
            else if (raw.IndexOfAny(['*', '?']) >= 0)
            {
                int matched = 0;
                foreach (string f in Glob(raw))
                {
                    Add(byPath, f, namedExplicitly: true);
                    matched++;
                }

                if (matched == 0) missing.Add(raw);
            }
            else
            {
                missing.Add(raw);
            }
        }

        AddCalledModules(byPath, unreadable);
        return byPath.Values.ToList();
    }

    /// <summary>
    /// The configuration files (`*.tf`, `*.tf.json`) of each local module a Terraform input calls from outside what the
    /// paths named (`hvlint audit envs/prod`, whose modules are in `../../modules/vm`), and of the modules those call,
    /// as terraform reads them: each folder without its subfolders; and the modules terraform init installed for an
    /// input's folder, also when its files were named one by one. Without them the calls' VMs would not be known. The
    /// sources are those of the files' module blocks as the reader parses them, so a provisioner's `source` or a call
    /// commented out adds nothing.
    /// </summary>
    private static void AddCalledModules(SortedDictionary<string, InputDocument> byPath, List<(string Folder, string Why)> unreadable)
    {
        var pending = new Queue<string>(byPath.Keys.Where(IsConfigurationFile));
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var roots = new HashSet<string>(StringComparer.Ordinal);
        void Take(string file)
        {
            string shown = DisplayPath(file);
            if (byPath.ContainsKey(shown)) return;
            Add(byPath, file, namedExplicitly: false);
            if (IsConfigurationFile(file)) pending.Enqueue(shown);
        }

        while (pending.Count > 0)
        {
            string full = Path.GetFullPath(pending.Dequeue());

            // Files named one by one (hvlint audit envs/prod/main.tf) take the modules terraform init installed for
            // their folder too, as a walk of the folder does.
            string root = Path.GetDirectoryName(full)!;
            string dataFolder = Path.Combine(root, ".terraform");
            if (roots.Add(root) && Directory.Exists(dataFolder))
            {
                foreach (string installed in InstalledModules(root, dataFolder, unreadable)) Take(installed);
            }

            if (!(TextOf(full) is string text)) continue;
            foreach (string source in HvLint.Readers.Terraform.TerraformReader.LocalModuleSources(full, text))
            {
                string folder = Path.GetFullPath(Path.Combine(root, source));
                if (!folders.Add(folder) || !Directory.Exists(folder)) continue;
                foreach (string file in ConfigurationFilesIn(folder, unreadable)) Take(file);
            }
        }
    }

    private static bool IsConfigurationFile(string path) =>
        path.EndsWith(".tf", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tf.json", StringComparison.OrdinalIgnoreCase);

    private static void Add(SortedDictionary<string, InputDocument> byPath, string fullPath, bool namedExplicitly)
    {
        string display = DisplayPath(fullPath);
        // A file named on the command line is read whatever its name, even when a walk also found it.
        if (byPath.TryGetValue(display, out InputDocument? existing) && existing.NamedExplicitly) return;
        byPath[display] = new InputDocument(display, () => Open(fullPath), namedExplicitly);
    }

    /// <summary>Relative to the current folder with forward slashes when inside it; absolute otherwise.</summary>
    public static string DisplayPath(string fullPath)
    {
        string cwd = Path.GetFullPath(Directory.GetCurrentDirectory());
        string relative = Path.GetRelativePath(cwd, fullPath);
        string shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
        return shown.Replace('\\', '/');
    }

    private static TextReader Open(string fullPath) =>
        Decode(new FileStream(fullPath, new FileStreamOptions { Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 1 << 16, Options = FileOptions.SequentialScan }));

    private static TextReader Decode(Stream bytes)
    {
        // Strict decoding: invalid UTF-8 is HV9001, never silently replaced. A BOM selects UTF-16 or UTF-8.
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        return new StreamReader(bytes, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    /// <summary>
    /// The files of the folder and its folders that a walk reads. A folder reached through a symbolic link is walked after
    /// the folders reached without one, and only where the link leads somewhere not walked yet: a link back to a folder
    /// above (a loop) or beside (a second name for the same inventories) would otherwise audit the same files again and
    /// again, until the path grew too long.
    /// </summary>
    private static IEnumerable<string> Walk(string root, List<(string Folder, string Why)> unreadable)
    {
        var walked = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        var links = new Queue<(string Folder, string Target)>();
        pending.Push(root);
        walked.Add(Path.TrimEndingDirectorySeparator(root));
        while (pending.Count > 0 || links.Count > 0)
        {
            if (pending.Count == 0)
            {
                (string folder, string target) = links.Dequeue();
                if (walked.Add(target)) pending.Push(folder);
                continue;
            }

            string dir = pending.Pop();
            string[] subs, files;
            try
            {
                subs = Directory.GetDirectories(dir);
                files = Directory.GetFiles(dir);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // One folder HvLint may not list (permissions, a link to nowhere) is that folder's HV9001, not the end of the audit.
                unreadable.Add((dir, ex.Message));
                continue;
            }

            Array.Sort(subs, StringComparer.Ordinal);
            foreach (string sub in subs)
            {
                if (SkippedFolders.Contains(Path.GetFileName(sub), StringComparer.OrdinalIgnoreCase)) continue;
                if (LinkTarget(sub) is string target) links.Enqueue((sub, target));
                else if (walked.Add(sub)) pending.Push(sub);
            }

            foreach (string file in files)
            {
                if (!WalkedExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase)) continue;
                // HvLint's own files sit beside the inventories; they are not inputs.
                if (OwnFiles.Contains(Path.GetFileName(file), StringComparer.OrdinalIgnoreCase)) continue;
                yield return file;
            }
        }
    }

    /// <summary>
    /// Of the `.terraform` folder terraform init made in <paramref name="root"/>: its module manifest and the
    /// configuration files (`*.tf`, `*.tf.json`) of each module it installed there, so that the root module's registry
    /// and Git modules are audited through its calls. Only the folders the manifest lists, each without its subfolders:
    /// an installed module's examples and tests are root modules of their own, not the configuration; nor are the
    /// providers terraform init downloaded. Nothing without a manifest.
    /// </summary>
    private static IEnumerable<string> InstalledModules(string root, string dataFolder, List<(string Folder, string Why)> unreadable)
    {
        string manifest = Path.Combine(dataFolder, "modules", "modules.json");
        if (!File.Exists(manifest)) yield break;
        yield return manifest;
        if (!(TextOf(manifest) is string text)) yield break;
        string inside = Path.TrimEndingDirectorySeparator(dataFolder) + Path.DirectorySeparatorChar;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string dir in HvLint.Readers.Terraform.TerraformReader.InstalledModuleDirs(text))
        {
            string folder = Path.GetFullPath(Path.Combine(root, dir));
            if (!folder.StartsWith(inside, StringComparison.Ordinal) || !seen.Add(folder) || !Directory.Exists(folder)) continue;
            foreach (string file in ConfigurationFilesIn(folder, unreadable)) yield return file;
        }
    }

    /// <summary>A file's text; null when it is not there or cannot be read (reading it as an input says why).</summary>
    private static string? TextOf(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A module folder's configuration files (`*.tf`, `*.tf.json`) in order, without its subfolders; none, noted as unreadable, when it cannot be listed.</summary>
    private static IEnumerable<string> ConfigurationFilesIn(string folder, List<(string Folder, string Why)> unreadable)
    {
        string[] files;
        try
        {
            files = Directory.GetFiles(folder);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            unreadable.Add((folder, ex.Message));
            return Array.Empty<string>();
        }

        Array.Sort(files, StringComparer.Ordinal);
        return files.Where(IsConfigurationFile);
    }

    /// <summary>Where a folder that is a symbolic link (or junction) finally leads; null for a plain folder.</summary>
    private static string? LinkTarget(string folder)
    {
        try
        {
            var info = new DirectoryInfo(folder);
            if (info.LinkTarget == null) return null;
            FileSystemInfo? target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target == null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(target.FullName));
        }
        catch (IOException)
        {
            // A loop of links leads nowhere: walked as it is, its listing fails, which is that folder's HV9001.
            return folder;
        }
    }

    private static IEnumerable<string> Glob(string pattern)
    {
        string normalised = pattern.Replace('\\', '/');
        // The fixed prefix before the first wildcard segment is the folder the match starts from.
        string[] parts = normalised.Split('/');
        int firstWild = Array.FindIndex(parts, p => p.IndexOfAny(['*', '?']) >= 0);
        string root = firstWild <= 0 ? "." : string.Join('/', parts.Take(firstWild));
        if (normalised.StartsWith('/')) root = "/" + root.TrimStart('/');
        string rest = string.Join('/', parts.Skip(Math.Max(firstWild, 0)));
        if (!Directory.Exists(root)) yield break;
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddInclude(rest);
        foreach (string f in matcher.GetResultsInFullPath(root).OrderBy(p => p, StringComparer.Ordinal)) yield return f;
    }
}

/// <summary>Standard input as the path "-" reads it: read when first asked for, once, under <see cref="Name"/>.</summary>
internal sealed class StandardInput(string name, Func<byte[]> read)
{
    private byte[]? _bytes;

    public string Name { get; } = name;

    public byte[] Bytes => _bytes ??= read();
}
