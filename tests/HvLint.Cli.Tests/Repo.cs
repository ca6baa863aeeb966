using System.Diagnostics;

namespace HvLint.Cli.Tests;

/// <summary>The repository and the built `hvlint`, for end-to-end tests that run the real command.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared beside the clone: the SARIF schema and the facts.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (string? dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "HvLint.sln"))) return dir;
        }

        throw new InvalidOperationException("HvLint.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs `hvlint ARGS` as a process in <paramref name="workingDirectory"/> (the repo root by default).</summary>
    public static (int ExitCode, string Stdout, string Stderr) HvlintIn(string workingDirectory, params string[] args) => HvlintWith([], workingDirectory, args);

    /// <summary>As <see cref="HvlintIn"/>, with <paramref name="environment"/> added to the process's environment.</summary>
    public static (int ExitCode, string Stdout, string Stderr) HvlintWith(IEnumerable<(string Name, string Value)> environment, string workingDirectory, params string[] args) =>
        Run(environment, workingDirectory, null, args);

    /// <summary>As <see cref="HvlintIn"/>, with <paramref name="input"/> as the process's standard input.</summary>
    public static (int ExitCode, string Stdout, string Stderr) HvlintWithInput(byte[] input, string workingDirectory, params string[] args) =>
        Run([], workingDirectory, input, args);

    private static (int ExitCode, string Stdout, string Stderr) Run(IEnumerable<(string Name, string Value)> environment, string workingDirectory, byte[]? input, string[] args)
    {
        string dll = typeof(CommandLine).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input != null, WorkingDirectory = workingDirectory };
        psi.ArgumentList.Add(dll);
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("GITHUB_ACTIONS");
        psi.Environment.Remove("TF_BUILD");
        // Terraform's and Packer's variables in the runner's environment would change what the samples give.
        foreach (string name in psi.Environment.Keys.Where(k => k.StartsWith("TF_VAR_", StringComparison.Ordinal) || k.StartsWith("PKR_VAR_", StringComparison.Ordinal)).ToList()) psi.Environment.Remove(name);
        foreach ((string name, string value) in environment) psi.Environment[name] = value;
        psi.Environment["NO_COLOR"] = "1";
        using var p = Process.Start(psi)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        if (input != null)
        {
            p.StandardInput.BaseStream.Write(input);
            p.StandardInput.Close();
        }

        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("hvlint " + string.Join(' ', args));
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public static (int ExitCode, string Stdout, string Stderr) Hvlint(params string[] args) => HvlintIn(Root, args);

    private static readonly System.Collections.Concurrent.ConcurrentBag<string> TempFolders = CleanUpAtExit();

    /// <summary>A fresh temp folder (<see cref="TempFolder"/>) holding <paramref name="files"/>, each path relative to it with '/' between folders.</summary>
    public static string FolderWith(params (string Path, string Text)[] files)
    {
        string dir = TempFolder();
        foreach ((string path, string text) in files)
        {
            string full = Path.Combine(dir, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return dir;
    }

    /// <summary>A fresh folder under the system's temp folder, removed when the test run ends.</summary>
    public static string TempFolder()
    {
        string dir = Directory.CreateTempSubdirectory("hvlint-test-").FullName;
        TempFolders.Add(dir);
        return dir;
    }

    // Tests hand their folder to `hvlint` processes and read results afterwards, so the folders live until the
    // test host exits rather than to the end of each test. The test platform may end the host before the handler
    // is done (the package tests' folders hold whole NuGet feeds), so each run also removes what earlier runs left
    // behind: folders of ours not written to for a day.
    private static System.Collections.Concurrent.ConcurrentBag<string> CleanUpAtExit()
    {
        foreach (string stale in Directory.EnumerateDirectories(Path.GetTempPath(), "hvlint-test-*"))
        {
            try
            {
                if (Directory.GetLastWriteTimeUtc(stale) < DateTime.UtcNow.AddDays(-1)) Directory.Delete(stale, recursive: true);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }

        var folders = new System.Collections.Concurrent.ConcurrentBag<string>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (string dir in folders)
            {
                try { Directory.Delete(dir, recursive: true); }
                catch (IOException) { } // a folder still in use is left to the system's temp cleaning
                catch (UnauthorizedAccessException) { }
            }
        };
        return folders;
    }
}
